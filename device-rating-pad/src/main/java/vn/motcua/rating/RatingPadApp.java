package vn.motcua.rating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.rating.config.RatingConfig;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.rating.pad.PadPresenter;
import vn.motcua.rating.pad.ServingMessage;
import vn.motcua.rating.session.PressOutcome;
import vn.motcua.rating.session.RatingSession;
import vn.motcua.rating.session.SessionRules;
import vn.motcua.rating.state.RatingSchema;
import vn.motcua.rating.state.SqliteRatingStore;

/**
 * The rating pad on the common kernel: buttons and the district's serving state in, ratings and the display out.
 * Time moves the session on only at its deadlines ({@link RatingSession#nextChange()}), so the pad ticks once at each
 * of them and not at all while nothing is pending: an idle pad's threads wake only for its buttons.
 */
public final class RatingPadApp implements DeviceApp<RatingConfig> {
    /** A tick runs this long after its deadline, so that the deadline has passed by the session's clock too. */
    static final long AFTER_DEADLINE_MILLIS = 5;
    /** A tick that failed is tried again this much later, whatever its deadline was. */
    static final long RETRY_MILLIS = 1_000;

    private RatingPadContext ctx;
    private volatile RatingConfig config;
    private volatile SessionRules rules;
    private SqliteRatingStore store;
    private volatile RatingSession session;
    private PadPresenter presenter;
    private ScheduledFuture<?> ticking;
    private boolean stopped;

    @Override
    public String module() {
        return RatingSchema.MODULE;
    }

    @Override
    public List<String> migrations() {
        return RatingSchema.STEPS;
    }

    @Override
    public RatingConfigModel configModel() {
        return new RatingConfigModel();
    }

    @Override
    public void start(DeviceContext kernel, RatingConfig initial) {
        start(RatingPadContext.of(kernel), initial);
    }

    /** Starts on the pad's own narrow context (what {@link #start(DeviceContext, RatingConfig)} hands it). */
    void start(RatingPadContext context, RatingConfig initial) {
        ctx = context;
        config = initial;
        rules = SessionRules.of(initial, context.timezone());
        store = new SqliteRatingStore(context.store(), context.events());
        session = new RatingSession(context.counter(), store, context.clock(), rules);
        presenter = new PadPresenter(context.display(), context.leds(), context.clock(), context.scheduler());
        context.buttons().addListener(this::pressed);
        context.link().subscribe(context.servingTopic(), this::serving);
        refresh();
        Logger.info("rating pad of counter {} started; following {} (last known: {})", context.counter(),
                context.servingTopic(), session.servingTicket() == null ? "no ticket" : session.servingTicket());
    }

    @Override
    public void applyConfig(RatingConfig next) {
        SessionRules nextRules = SessionRules.of(next, ctx.timezone());
        session.configure(nextRules);
        rules = nextRules;
        config = next;
        refresh();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    @Override
    public void contributeTelemetry(ObjectNode telemetry) {
        RatingSession s = session;
        if (s == null) {
            return;
        }
        RatingTelemetry.contribute(telemetry, ctx.counter(), s.servingTicket(),
                store.tally(rules.days().of(ctx.clock().instant())), config.reasons(), s.ignoredPresses(), s.notRecorded());
    }

    @Override
    public List<String> probeHardware() {
        return List.of();
    }

    private void pressed(String button) {
        PressOutcome outcome = session.press(button);
        refresh();
        if (outcome == PressOutcome.RECORDED || outcome == PressOutcome.NOT_RECORDED) {
            ctx.telemetryChanged().run();
        }
    }

    private void serving(InboundMessage message) {
        ServingMessage.parse(message.text(), ctx.counter(), rules.days(), ctx.clock().instant()).ifPresent(s -> {
            session.serve(s);
            refresh();
        });
    }

    private void tick() {
        try {
            session.tick();
            refresh();
        } catch (RuntimeException e) {
            Logger.error(e, "the rating pad's tick failed; trying again in {} ms", RETRY_MILLIS);
            schedule(Optional.of(ctx.clock().instant().plusMillis(RETRY_MILLIS)));
        }
    }

    /** Shows the session's view and ticks at its next deadline (the one tick pending is replaced). */
    private void refresh() {
        presenter.show(session.view());
        schedule(session.nextChange());
    }

    private synchronized void schedule(Optional<Instant> next) {
        if (stopped) {
            return;
        }
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (next.isEmpty()) {
            return;
        }
        long delay = Math.max(0, Duration.between(ctx.clock().instant(), next.get()).toMillis()) + AFTER_DEADLINE_MILLIS;
        try {
            ticking = ctx.scheduler().schedule(this::tick, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.info("device stopping; the pad's tick at {} is not scheduled", next.get());
        }
    }
}
