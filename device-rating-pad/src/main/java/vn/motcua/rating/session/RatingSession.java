package vn.motcua.rating.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;
import vn.motcua.rating.config.Reason;

/**
 * The rating rules of one counter's pad: one rating per served ticket (durably), at most one per cooldown when no
 * ticket is served, reasons asked after "unsatisfied" until a reason button or the timeout; every other press
 * is ignored and counted. A rating the state disk refuses is shown as not recorded and counted, never dropped silently. Thread-safe: presses, serving changes and ticks come from different threads.
 */
public final class RatingSession {
    /** How long the thank-you screen stays after a rating. */
    public static final Duration THANKS = Duration.ofSeconds(4);

    private final int counter;
    private final RatingStore store;
    private final Clock clock;
    private SessionRules rules;
    private Serving serving;
    private Asking asking;
    private Instant lastUnticketed;
    private Instant thanksUntil;
    private Instant notRecordedUntil;
    private long notRecorded;
    private Boolean servedRated;
    private long ignored;

    private record Asking(Serving context, Instant since) {
    }

    public RatingSession(int counter, RatingStore store, Clock clock, SessionRules rules) {
        this.counter = counter;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.serving = store.loadServing().orElse(null);
        this.lastUnticketed = store.lastUnticketed().orElse(null);
    }

    /** Takes a button press; the outcome says whether it was recorded, opened the reasons, or was ignored. */
    public synchronized PressOutcome press(String button) {
        Instant now = clock.instant();
        expire(now);
        if (asking != null) {
            Optional<Reason> reason = rules.reasonOnButton(button);
            if (reason.isEmpty()) {
                return ignore(button, "a reason is being asked");
            }
            return record(asking.context(), Level.UNSATISFIED, reason.get().code(), now);
        }
        Optional<Level> level = Level.ofButton(button);
        if (level.isEmpty()) {
            return ignore(button, "no reason is being asked");
        }
        Optional<String> refusal = refusal(now);
        if (refusal.isPresent()) {
            return ignore(button, refusal.get());
        }
        if (level.get() == Level.UNSATISFIED && !rules.reasons().isEmpty()) {
            asking = new Asking(context(), now);
            Logger.info("unsatisfied pressed for {}; offering {} reasons for {} s", describe(context()),
                    rules.reasons().size(), rules.reasonTimeout().toSeconds());
            return PressOutcome.ASKING;
        }
        return record(context(), level.get(), null, now);
    }

    /**
     * Follows the district's serving state; a pending "unsatisfied" for another ticket is recorded first. A message
     * older (by its {@code ts}) than the one followed is ignored: on a broker cluster a node may replay an old retained
     * message, and a rating must never go to a ticket older than the one shown.
     */
    public synchronized void serve(Serving next) {
        Instant now = clock.instant();
        expire(now);
        Serving followed = next == null ? Serving.closed(null) : next;
        if (followed.olderThan(serving)) {
            Logger.info("counter {}: ignoring a serving message from {} ({}), older than the one shown from {} ({})",
                    counter, followed.ts(), describe(followed), serving.ts(), describe(serving));
            return;
        }
        if (asking != null && !asking.context().sameTicket(followed)) {
            Logger.info("the counter moved on while reasons were asked; recording the rating of {} without a reason",
                    describe(asking.context()));
            record(asking.context(), Level.UNSATISFIED, null, now);
        }
        if (!context().sameTicket(followed)) {
            thanksUntil = null;
            servedRated = null;
            Logger.info("counter {} {}; the pad follows it", counter,
                    followed.open() ? "now serves " + followed.ticket() : "is closed");
        }
        serving = followed;
        try {
            store.saveServing(followed);
        } catch (StorageUnavailable e) {
            Logger.warn("counter {} serving state kept in memory only: {}; after a restart the pad waits for the "
                    + "district's", counter, e.getMessage());
        }
    }

    /** Moves time on: records a pending "unsatisfied" without a reason once the reason timeout has passed. */
    public synchronized void tick() {
        expire(clock.instant());
    }

    /**
     * When the session changes by itself next, with no press and no serving message: a question's timeout, the end of
     * the thank-you or not-recorded screen, the end of the unticketed cooldown. Empty when nothing is pending; a pad
     * left alone then has nothing to do until the next press or message.
     */
    public synchronized Optional<Instant> nextChange() {
        Instant now = clock.instant();
        Instant next = null;
        if (asking != null) {
            next = asking.since().plus(rules.reasonTimeout());
        }
        next = earliestAfter(now, next, thanksUntil);
        next = earliestAfter(now, next, notRecordedUntil);
        if (!context().open() && lastUnticketed != null) {
            next = earliestAfter(now, next, lastUnticketed.plus(rules.cooldown()));
        }
        return Optional.ofNullable(next);
    }

    private static Instant earliestAfter(Instant now, Instant earliest, Instant candidate) {
        if (candidate == null || !candidate.isAfter(now)) {
            return earliest;
        }
        return earliest == null || candidate.isBefore(earliest) ? candidate : earliest;
    }

    /** Replaces the configurable rules; a pending question keeps its start time. */
    public synchronized void configure(SessionRules next) {
        this.rules = next;
    }

    /** What the pad should show now. */
    public synchronized PadView view() {
        Instant now = clock.instant();
        if (asking != null) {
            return new PadView(PadView.Mode.ASKING, counter, asking.context().ticket(), false, rules.reasons());
        }
        boolean canRate = refusal(now).isEmpty();
        String ticket = serving == null ? null : serving.ticket();
        PadView.Mode mode;
        if (notRecordedUntil != null && now.isBefore(notRecordedUntil)) {
            mode = PadView.Mode.NOT_RECORDED;
        } else if (thanksUntil != null && now.isBefore(thanksUntil)) {
            mode = PadView.Mode.THANKS;
        } else if (serving == null) {
            mode = PadView.Mode.WAITING;
        } else {
            mode = serving.open() ? PadView.Mode.SERVING : PadView.Mode.CLOSED;
        }
        return new PadView(mode, counter, ticket, canRate, List.of());
    }

    /** Ratings given since start that the state disk refused to record. */
    public synchronized long notRecorded() {
        return notRecorded;
    }

    /** Presses that did not count since start. */
    public synchronized long ignoredPresses() {
        return ignored;
    }

    /** The ticket being served now, or null (closed, or the district never heard). */
    public synchronized String servingTicket() {
        return serving == null ? null : serving.ticket();
    }

    private void expire(Instant now) {
        if (asking != null && !now.isBefore(asking.since().plus(rules.reasonTimeout()))) {
            Logger.info("no reason picked within {} s; recording the rating of {} without a reason",
                    rules.reasonTimeout().toSeconds(), describe(asking.context()));
            record(asking.context(), Level.UNSATISFIED, null, now);
        }
    }

    private Optional<String> refusal(Instant now) {
        Serving ctx = context();
        if (ctx.open()) {
            if (servedRated == null) {
                servedRated = store.rated(ctx.day(), ctx.ticket());
            }
            return servedRated ? Optional.of("ticket " + ctx.ticket() + " was already rated") : Optional.empty();
        }
        if (lastUnticketed != null && now.isBefore(lastUnticketed.plus(rules.cooldown()))) {
            return Optional.of("no ticket is served and the last rating was less than "
                    + rules.cooldown().toSeconds() + " s ago");
        }
        return Optional.empty();
    }

    private PressOutcome record(Serving ctx, Level level, String reason, Instant now) {
        asking = null;
        try {
            store.record(new Rating(counter, ctx.ticket(), ctx.day(), level, reason, rules.days().of(now), now));
        } catch (StorageUnavailable e) {
            notRecorded++;
            notRecordedUntil = now.plus(THANKS);
            thanksUntil = null;
            Logger.error("rating for {} ({}{}) NOT recorded: {}; the pad says so, {} rating(s) not recorded since start",
                    describe(ctx), level.wire(), reason == null ? "" : ", " + reason, e.getMessage(), notRecorded);
            return PressOutcome.NOT_RECORDED;
        }
        notRecordedUntil = null;
        thanksUntil = now.plus(THANKS);
        if (!ctx.open()) {
            lastUnticketed = now;
        } else if (ctx.sameTicket(context())) {
            servedRated = true;
        }
        Logger.info("rating recorded for {}: {}{}", describe(ctx), level.wire(), reason == null ? "" : " (" + reason + ")");
        return PressOutcome.RECORDED;
    }

    private PressOutcome ignore(String button, String why) {
        ignored++;
        Logger.info("press of {} ignored: {} ({} ignored presses since start)", button, why, ignored);
        return PressOutcome.IGNORED;
    }

    private Serving context() {
        return serving == null ? Serving.closed(null) : serving;
    }

    private static String describe(Serving ctx) {
        return ctx.open() ? "ticket " + ctx.ticket() : "no ticket";
    }
}
