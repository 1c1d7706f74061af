package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a finished announcement WAV goes: played by an external player (e.g. {@code aplay -q}) and deleted,
 * or, with no player, kept in the work directory (the latest {@code keep} files) for tests and inspection.
 */
final class WavOutput {
    private final Path workDir;
    private final List<String> player;
    private final int keep;
    private final Duration timeout;
    private final ProcessRunner runner;
    private long sequence;

    WavOutput(Path workDir, List<String> player, int keep, Duration timeout) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.player = List.copyOf(player);
        this.keep = keep;
        this.timeout = timeout;
        this.runner = new ProcessRunner(workDir.resolve("player.log"));
    }

    Path workDir() {
        return workDir;
    }

    /** The path for the next announcement's WAV file. */
    synchronized Path next() {
        sequence++;
        return workDir.resolve(String.format("announcement-%06d.wav", sequence));
    }

    /** Plays the file (blocking until playback ends) and deletes it, or keeps it when there is no player. */
    void deliver(Path wav) throws IOException {
        if (player.isEmpty()) {
            prune();
            return;
        }
        try {
            List<String> command = new ArrayList<>(player);
            command.add(wav.toString());
            runner.run(command, null, timeout);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private void prune() throws IOException {
        List<Path> files;
        try (var stream = Files.list(workDir)) {
            files = stream.filter(p -> p.getFileName().toString().matches("announcement-\\d+\\.wav")).sorted().toList();
        }
        for (int i = 0; i < files.size() - keep; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }
}
