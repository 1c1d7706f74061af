package vn.motcua.ctl;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.motcua.common.testing.TestDirs;

/** Runs a command as a child process with a time limit and returns its exit code, stdout and stderr. */
final class ChildProcess {
    private ChildProcess() {
    }

    static Ctl.Result run(Path workDir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path dir = TestDirs.create("proc-");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s; stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Ctl.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
