package vn.motcua.kiosk.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {
    @TempDir
    Path dir;

    private Path writeChime(Path file, float rate) throws IOException {
        try (AudioInputStream chime = Chime.create(rate, 1)) {
            AudioSystem.write(chime, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void generates_an_audible_chime_without_an_audio_device() throws Exception {
        Path wav = writeChime(dir.resolve("chime.wav"), 22050f);

        assertThat(Wavs.seconds(wav)).isBetween(0.7, 1.0);
        byte[] pcm;
        try (AudioInputStream in = Wavs.open(wav)) {
            pcm = in.readAllBytes();
        }
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        assertThat(peak).isGreaterThan(Short.MAX_VALUE / 4).isLessThan(Short.MAX_VALUE);
    }

    @Test
    void joins_wavs_of_one_format_and_refuses_mixed_formats() throws Exception {
        Path a = writeChime(dir.resolve("a.wav"), 16000f);
        Path b = writeChime(dir.resolve("b.wav"), 16000f);
        Path c = writeChime(dir.resolve("c.wav"), 22050f);
        Path out = dir.resolve("out.wav");

        Wavs.join(List.of(Wavs.open(a), Wavs.open(b)), out);

        assertThat(Wavs.seconds(out)).isCloseTo(Wavs.seconds(a) * 2, offset(0.01));
        assertThatThrownBy(() -> Wavs.join(List.of(Wavs.open(a), Wavs.open(c)), dir.resolve("mixed.wav")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void clip_speaker_joins_the_clips_of_each_word_and_phrase() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("clips"));
        for (String word : List.of("mời số", "a", "không", "một", "hai", "đến quầy", "ba", "chime")) {
            writeChime(clips.resolve(word + ".wav"), 16000f);
        }
        Path work = dir.resolve("work");
        ClipSpeaker speaker = new ClipSpeaker(clips, work, List.of(), Duration.ofSeconds(10));
        Announcement call = new AnnouncementTemplate(null).call("A012", 3);

        speaker.speak(call);

        Path out = work.resolve("announcement-000001.wav");
        assertThat(out).exists();
        double clip = Wavs.seconds(clips.resolve("a.wav"));
        assertThat(Wavs.seconds(out)).isCloseTo(clip * 8, offset(0.05));
    }

    @Test
    void clip_speaker_refuses_a_call_with_a_word_it_cannot_say() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("clips"));
        for (String word : List.of("mời số", "a", "một", "hai", "đến quầy", "ba")) {
            writeChime(clips.resolve(word + ".wav"), 16000f);
        }
        ClipSpeaker speaker = new ClipSpeaker(clips, dir.resolve("work"), List.of(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> speaker.speak(new AnnouncementTemplate(null).call("A012", 3)))
                .isInstanceOf(IOException.class).hasMessageContaining("không");
        assertThat(dir.resolve("work/announcement-000001.wav")).doesNotExist();
    }
}
