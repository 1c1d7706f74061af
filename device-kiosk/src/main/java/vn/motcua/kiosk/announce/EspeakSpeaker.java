package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sound.sampled.AudioInputStream;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;

/**
 * Speaks with eSpeak NG's Vietnamese voice: {@code espeak-ng -v vi -s 140 -w FILE}, a chime joined in front,
 * then the WAV played by the configured player, or only written to the work directory when there is none.
 */
public final class EspeakSpeaker implements Speaker {
    private final String executable;
    private final String voice;
    private final int wordsPerMinute;
    private final boolean chime;
    private final Duration timeout;
    private final WavOutput output;
    private final ProcessRunner runner;

    private EspeakSpeaker(Builder b) throws IOException {
        this.executable = b.executable;
        this.voice = b.voice;
        this.wordsPerMinute = b.wordsPerMinute;
        this.chime = b.chime;
        this.timeout = b.timeout;
        this.output = new WavOutput(b.workDir, b.player, b.keepFiles, b.timeout);
        this.runner = new ProcessRunner(output.workDir().resolve("espeak.log"));
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    @Override
    public void speak(Announcement announcement) throws IOException {
        Path wav = output.next();
        Path speech = wav.resolveSibling(wav.getFileName() + ".speech.wav");
        try {
            runner.run(List.of(executable, "-v", voice, "-s", Integer.toString(wordsPerMinute), "-w",
                    speech.toString(), "--stdin"), announcement.spoken(), timeout);
            if (!Files.isRegularFile(speech) || Files.size(speech) <= 44) {
                throw new IOException(executable + " wrote no audio for '" + announcement.spoken() + "'");
            }
            AudioInputStream voiceAudio = Wavs.open(speech);
            List<AudioInputStream> parts = new ArrayList<>(2);
            if (chime) {
                parts.add(Chime.matching(voiceAudio.getFormat()));
            }
            parts.add(voiceAudio);
            Wavs.join(parts, wav);
        } finally {
            Files.deleteIfExists(speech);
        }
        output.deliver(wav);
    }

    /** Whether the voice can be synthesized now, for {@code --check}: ok, or a fault with the reason. Plays nothing. */
    public ComponentStatus probe() {
        Path probe = output.workDir().resolve("probe.wav");
        try {
            runner.run(List.of(executable, "-v", voice, "-w", probe.toString(), "--stdin"), "một", timeout);
            return Files.size(probe) > 44 ? ComponentStatus.OK : ComponentStatus.fault("espeak-no-audio");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return ComponentStatus.fault("espeak-interrupted");
        } catch (IOException e) {
            return ComponentStatus.fault("espeak-unavailable");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                Logger.debug("could not delete {}: {}", probe, e.getMessage());
            }
        }
    }

    /** Settings of an {@link EspeakSpeaker}; only the work directory is required. */
    public static final class Builder {
        private final Path workDir;
        private String executable = "espeak-ng";
        private String voice = "vi";
        private int wordsPerMinute = 140;
        private boolean chime = true;
        private List<String> player = List.of();
        private int keepFiles = 20;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        public Builder executable(String value) {
            executable = Objects.requireNonNull(value);
            return this;
        }

        public Builder voice(String value) {
            voice = Objects.requireNonNull(value);
            return this;
        }

        public Builder wordsPerMinute(int value) {
            wordsPerMinute = value;
            return this;
        }

        public Builder chime(boolean value) {
            chime = value;
            return this;
        }

        /** The player command the WAV path is appended to, e.g. {@code List.of("aplay", "-q")}; empty: keep files. */
        public Builder player(List<String> value) {
            player = List.copyOf(value);
            return this;
        }

        /** How many WAV files to keep when there is no player. */
        public Builder keepFiles(int value) {
            keepFiles = value;
            return this;
        }

        /** The time limit for synthesis and for playback each. */
        public Builder timeout(Duration value) {
            timeout = Objects.requireNonNull(value);
            return this;
        }

        /** Builds the speaker and creates its work directory. */
        public EspeakSpeaker build() throws IOException {
            return new EspeakSpeaker(this);
        }
    }
}
