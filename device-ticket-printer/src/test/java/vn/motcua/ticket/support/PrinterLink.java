package vn.motcua.ticket.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.motcua.ticket.sim.VirtualPrinter;

/** Test printer hardware: pumps the bytes of a stream (pty, socket) into a virtual printer and its answers back. */
public final class PrinterLink implements AutoCloseable {
    private final Thread thread;
    private volatile boolean closed;

    private PrinterLink(Thread thread) {
        this.thread = thread;
    }

    public static PrinterLink start(String name, InputStream in, OutputStream out, VirtualPrinter printer) {
        PrinterLink[] self = new PrinterLink[1];
        Thread t = new Thread(() -> pump(in, out, printer, self), name);
        t.setDaemon(true);
        self[0] = new PrinterLink(t);
        t.start();
        return self[0];
    }

    private static void pump(InputStream in, OutputStream out, VirtualPrinter printer, PrinterLink[] self) {
        byte[] buf = new byte[4096];
        byte[] answers = new byte[64];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    printer.write(java.util.Arrays.copyOf(buf, n));
                }
                int a;
                while ((a = printer.read(answers, 0)) > 0) {
                    out.write(answers, 0, a);
                    out.flush();
                }
            }
        } catch (IOException e) {
            if (!self[0].closed) {
                org.tinylog.Logger.info("test printer link {} ended: {}", Thread.currentThread().getName(), e.getMessage());
            }
        }
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
