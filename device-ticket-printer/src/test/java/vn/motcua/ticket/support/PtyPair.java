package vn.motcua.ticket.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A pseudo-terminal pair made by socat: the driver opens {@link #host()}, the scripted printer {@link #printer()}. */
public final class PtyPair implements AutoCloseable {
    private final Path host;
    private final Path printer;
    private Process socat;

    public PtyPair(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        this.host = dir.resolve(name + "-host").toAbsolutePath();
        this.printer = dir.resolve(name + "-printer").toAbsolutePath();
    }

    public Path host() {
        return host;
    }

    public Path printer() {
        return printer;
    }

    /** Starts socat and waits until both links exist. */
    public PtyPair start() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + printer)
                .redirectErrorStream(true)
                .redirectOutput(host.resolveSibling(host.getFileName() + ".socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(printer))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create " + host + " and " + printer);
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** Kills socat (the "unplug") and waits until it has gone. */
    public void kill() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            socat = null;
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
