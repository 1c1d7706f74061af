package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (speech synthesis, audio player) to completion, with a time limit. */
final class ProcessRunner {
    private final Path logFile;

    /** A runner that keeps the output of the last program run in {@code logFile}, for error messages. */
    ProcessRunner(Path logFile) {
        this.logFile = logFile;
    }

    /** Runs the command, feeding it {@code stdin} (may be null); throws unless it ends with exit code 0 in time. */
    void run(List<String> command, String stdin, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(command.get(0) + " interrupted");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed with exit code " + process.exitValue() + ": " + output());
        }
    }

    private String output() {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
