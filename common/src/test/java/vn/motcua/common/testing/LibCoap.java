package vn.motcua.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs libcoap's command-line client (Debian package libcoap3-bin) as a foreign CoAP peer. */
public final class LibCoap {
    /** What the client printed and how it exited. */
    public record Result(int exit, String out) {
    }

    private LibCoap() {
    }

    public static String binary() {
        for (String name : List.of("coap-client-openssl", "coap-client-gnutls", "coap-client")) {
            for (String dir : List.of("/usr/bin/", "/usr/local/bin/")) {
                if (Files.isExecutable(Path.of(dir + name))) {
                    return dir + name;
                }
            }
        }
        return null;
    }

    public static boolean available() {
        return binary() != null;
    }

    /** Runs the client with the given arguments, for at most {@code seconds}. */
    public static Result run(int seconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out);
    }
}
