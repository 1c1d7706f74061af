package vn.motcua.common.hardware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Shows screens on a text display by the rule of {@link LcdPager}: what fits is shown as it is, what does not is
 * shown a page at a time, each page for {@link #PAGE}, round and round until another screen is shown. The pages turn
 * on the injected scheduler only while there is more than one.
 */
public final class PagedDisplay {
    public static final Duration PAGE = Duration.ofSeconds(2);
    private static final long TURN_CHECK_MILLIS = PAGE.toMillis() / 4;

    private final TextDisplay display;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private List<String> screen;
    private List<List<String>> pages = List.of();
    private Instant since;
    private int shownPage = -1;
    private ScheduledFuture<?> turning;

    public PagedDisplay(TextDisplay display, Clock clock, ScheduledExecutorService scheduler) {
        this.display = display;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Shows this screen from its first page; the same screen shown again keeps turning where it is. */
    public synchronized void show(List<String> lines) {
        if (lines.equals(screen)) {
            return;
        }
        screen = List.copyOf(lines);
        pages = LcdPager.pages(screen, display.columns(), display.rows());
        since = clock.instant();
        shownPage = -1;
        turn();
        if (pages.size() > 1 && turning == null) {
            startTurning();
        } else if (pages.size() <= 1) {
            stopTurning();
        }
    }

    /** The screen last asked for, before paging. */
    public synchronized List<String> screen() {
        return screen == null ? List.of() : screen;
    }

    /** Stops turning pages (the device is stopping); the display keeps the page it shows. */
    public synchronized void stop() {
        stopTurning();
    }

    private synchronized void turn() {
        if (pages.isEmpty()) {
            return;
        }
        long elapsed = Math.max(0, Duration.between(since, clock.instant()).toMillis());
        int page = (int) ((elapsed / PAGE.toMillis()) % pages.size());
        if (page != shownPage) {
            display.show(pages.get(page));
            shownPage = page;
        }
    }

    private void startTurning() {
        try {
            turning = scheduler.scheduleAtFixedRate(this::turn, TURN_CHECK_MILLIS, TURN_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.info("device stopping; the display keeps its first page");
        }
    }

    private void stopTurning() {
        if (turning != null) {
            turning.cancel(false);
            turning = null;
        }
    }
}
