package vn.motcua.kiosk.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.common.health.ComponentStatus;

@Tag("slow")
class EspeakSpeakerTest {
    @TempDir
    Path dir;

    @Test
    void writes_a_vietnamese_call_with_a_chime_to_a_wav_file() throws Exception {
        EspeakSpeaker speaker = EspeakSpeaker.builder(dir).build();

        speaker.speak(new AnnouncementTemplate(null).call("A012", 3));

        Path wav = dir.resolve("announcement-000001.wav");
        assertThat(wav).exists();
        assertThat(Wavs.seconds(wav)).isGreaterThan(Chime.NOTE_SECONDS * 2 + 1.0);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".speech.wav"));
        }
    }

    @Test
    void writes_speech_only_when_the_chime_is_off() throws Exception {
        EspeakSpeaker withChime = EspeakSpeaker.builder(dir.resolve("a")).build();
        EspeakSpeaker without = EspeakSpeaker.builder(dir.resolve("b")).chime(false).build();
        Announcement call = Announcement.of("Mời số B007 đến quầy 2");

        withChime.speak(call);
        without.speak(call);

        double chimed = Wavs.seconds(dir.resolve("a/announcement-000001.wav"));
        double plain = Wavs.seconds(dir.resolve("b/announcement-000001.wav"));
        assertThat(chimed - plain).isBetween(0.7, 1.0);
    }

    @Test
    void hands_the_wav_to_the_player_and_deletes_it_afterwards() throws Exception {
        Path played = dir.resolve("played.wav");
        EspeakSpeaker speaker = EspeakSpeaker.builder(dir.resolve("work"))
                .player(List.of("sh", "-c", "cp \"$1\" \"" + played + "\"", "player")).build();

        speaker.speak(Announcement.of("Mời số C001 đến quầy 1"));

        assertThat(Wavs.seconds(played)).isGreaterThan(1.0);
        assertThat(dir.resolve("work/announcement-000001.wav")).doesNotExist();
    }

    @Test
    void keeps_only_the_latest_files_without_a_player() throws Exception {
        EspeakSpeaker speaker = EspeakSpeaker.builder(dir).keepFiles(2).chime(false).build();

        for (int i = 1; i <= 4; i++) {
            speaker.speak(Announcement.of("số " + i));
        }

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("announcement-")))
                    .containsExactlyInAnyOrder("announcement-000003.wav", "announcement-000004.wav");
        }
    }

    @Test
    void fails_with_a_clear_message_when_espeak_is_missing_or_the_player_fails() throws Exception {
        EspeakSpeaker missing = EspeakSpeaker.builder(dir.resolve("m")).executable("/nonexistent/espeak-ng").build();
        EspeakSpeaker badPlayer = EspeakSpeaker.builder(dir.resolve("p")).player(List.of("false")).build();

        assertThatThrownBy(() -> missing.speak(Announcement.of("xin chào"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> badPlayer.speak(Announcement.of("xin chào")))
                .isInstanceOf(IOException.class).hasMessageContaining("exit code 1");
    }

    @Test
    void probe_says_whether_the_voice_works() throws Exception {
        assertThat(EspeakSpeaker.builder(dir).build().probe()).isEqualTo(ComponentStatus.OK);
        assertThat(EspeakSpeaker.builder(dir).executable("/nonexistent/espeak-ng").build().probe())
                .isEqualTo(ComponentStatus.fault("espeak-unavailable"));
        assertThat(dir.resolve("probe.wav")).doesNotExist();
    }
}
