package vn.motcua.ctl;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints an upload's progress: on a terminal one line rewritten in place; otherwise (logs, pipes) a line at every
 * further 10 %. Nothing in {@code --json} mode.
 */
final class UploadProgress implements BlockSender.Progress {
    private final PrintWriter out;
    private final boolean terminal;
    private final boolean quiet;
    private int lastTenth = -1;
    private int lastPercent = -1;
    private boolean rewriting;

    UploadProgress(PrintWriter out, boolean terminal, boolean quiet) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void acknowledged(long bytes, long total) {
        if (quiet) {
            return;
        }
        int percent = total == 0 ? 100 : (int) (bytes * 100 / total);
        if (terminal) {
            if (percent != lastPercent) {
                lastPercent = percent;
                rewriting = true;
                out.print("\r" + text(bytes, total, percent));
                out.flush();
            }
            return;
        }
        int tenth = percent / 10;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.println(text(bytes, total, percent));
            out.flush();
        }
    }

    /** Ends the rewritten line, so what follows starts on a line of its own. */
    void end() {
        if (rewriting) {
            out.println();
            out.flush();
            rewriting = false;
        }
    }

    private static String text(long bytes, long total, int percent) {
        return String.format(Locale.ROOT, "sent %,d of %,d bytes (%d %%)", bytes, total, percent);
    }
}
