package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sound.sampled.AudioInputStream;

/**
 * Speaks with recorded clips: one WAV per word or phrase in a directory ({@code mời.wav}, {@code mời số.wav},
 * {@code a.wav}, {@code không.wav}...; lower case, NFC), the longest phrase first, with {@code chime.wav} in front
 * when present. A word without a clip fails the whole call, so a ticket is never announced with a digit missing.
 */
public final class ClipSpeaker implements Speaker {
    static final int LONGEST_PHRASE = 4;

    private final Path clips;
    private final WavOutput output;

    /** A speaker using the clips in {@code clips}, writing to {@code workDir} and playing with {@code player}. */
    public ClipSpeaker(Path clips, Path workDir, List<String> player, Duration timeout) throws IOException {
        this.clips = Objects.requireNonNull(clips, "clips");
        this.output = new WavOutput(workDir, player, 20, timeout);
    }

    @Override
    public void speak(Announcement announcement) throws IOException {
        List<Path> sequence = clipsFor(announcement.spoken());
        Path chime = clips.resolve("chime.wav");
        if (Files.isRegularFile(chime)) {
            sequence.add(0, chime);
        }
        List<AudioInputStream> parts = new ArrayList<>(sequence.size());
        try {
            for (Path clip : sequence) {
                parts.add(Wavs.open(clip));
            }
        } catch (IOException e) {
            for (AudioInputStream part : parts) {
                part.close();
            }
            throw e;
        }
        Path wav = output.next();
        Wavs.join(parts, wav);
        output.deliver(wav);
    }

    /** The clip files that say the text, in order; fails naming every word that has no clip. */
    List<Path> clipsFor(String text) throws IOException {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String[] words = normalized.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        List<Path> result = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int i = 0;
        while (i < words.length && !words[0].isEmpty()) {
            int taken = 0;
            for (int n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1; n--) {
                Path clip = clips.resolve(String.join(" ", List.of(words).subList(i, i + n)) + ".wav");
                if (Files.isRegularFile(clip)) {
                    result.add(clip);
                    taken = n;
                    break;
                }
            }
            if (taken == 0) {
                missing.add(words[i]);
                taken = 1;
            }
            i += taken;
        }
        if (!missing.isEmpty()) {
            throw new IOException("no clip in " + clips + " for " + missing);
        }
        if (result.isEmpty()) {
            throw new IOException("nothing to say");
        }
        return result;
    }
}
