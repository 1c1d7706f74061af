package vn.motcua.kiosk.announce;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads and joins WAV audio with javax.sound.sampled (files only, no audio device). */
public final class Wavs {
    private Wavs() {
    }

    /** Opens a WAV file as 16-bit signed PCM audio. */
    public static AudioInputStream open(Path wav) throws IOException {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(wav));
            AudioInputStream audio = AudioSystem.getAudioInputStream(in);
            AudioFormat f = audio.getFormat();
            if (f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16 && !f.isBigEndian()) {
                return audio;
            }
            AudioFormat pcm = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            return AudioSystem.getAudioInputStream(pcm, audio);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("not a usable WAV file: " + wav, e);
        }
    }

    /** Writes the parts one after the other into one WAV file; they must share one format. Closes the parts. */
    public static void join(List<AudioInputStream> parts, Path out) throws IOException {
        if (parts.isEmpty()) {
            throw new IOException("nothing to join into " + out);
        }
        AudioFormat format = parts.get(0).getFormat();
        long frames = 0;
        List<InputStream> streams = new ArrayList<>(parts.size());
        for (AudioInputStream part : parts) {
            if (!part.getFormat().matches(format)) {
                throw new IOException("cannot join " + part.getFormat() + " to " + format + " in " + out);
            }
            frames += part.getFrameLength();
            streams.add(part);
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (SequenceInputStream joined = new SequenceInputStream(Collections.enumeration(streams));
             AudioInputStream audio = new AudioInputStream(joined, format, frames)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, tmp.toFile());
        } finally {
            for (AudioInputStream part : parts) {
                part.close();
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The length of a WAV file in seconds. */
    public static double seconds(Path wav) throws IOException {
        try (AudioInputStream audio = open(wav)) {
            return audio.getFrameLength() / (double) audio.getFormat().getFrameRate();
        }
    }
}
