package vn.motcua.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Unix datagram socket of systemd's {@code NOTIFY_SOCKET}, read by {@code socat -u UNIX-RECV:<path> STDOUT} (JDK 17
 * has no Unix datagram sockets): what a device sends with sd_notify, datagrams one after another.
 */
public final class NotifySocket implements AutoCloseable {
    private final Path path;
    private final Process socat;
    private final StringBuffer received = new StringBuffer();

    private NotifySocket(Path path, Process socat) {
        this.path = path;
        this.socat = socat;
        Thread reader = new Thread(this::read, "notify-socket-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** True when socat is on the PATH. */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Binds the socket at {@code path} (kept short: at most 107 bytes) and waits until it exists. */
    public static NotifySocket bind(Path path) throws IOException, InterruptedException {
        Process socat = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + path, "STDOUT")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(path)) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                socat.destroyForcibly();
                throw new IOException("socat did not bind " + path);
            }
            Thread.sleep(20);
        }
        return new NotifySocket(path, socat);
    }

    public Path path() {
        return path;
    }

    /** Everything received so far, datagrams concatenated. */
    public String received() {
        return received.toString();
    }

    /** How many times {@code message} was received. */
    public int count(String message) {
        String all = received();
        int n = 0;
        for (int i = all.indexOf(message); i >= 0; i = all.indexOf(message, i + message.length())) {
            n++;
        }
        return n;
    }

    /** Waits until {@code message} was received at least {@code times} times; fails after {@code timeout}. */
    public void awaitCount(String message, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(message) < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " received " + count(message) + " times, not " + times
                        + ", within " + timeout.toSeconds() + " s; received: " + received());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException {
        socat.destroyForcibly();
        Files.deleteIfExists(path);
    }

    private void read() {
        byte[] buffer = new byte[4096];
        try (InputStream in = socat.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // socat ended (close): nothing more arrives
        }
    }
}
