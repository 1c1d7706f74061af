package vn.motcua.rating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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

/** The rating pad on the common kernel: buttons and the district's serving state in, ratings and the display out. */
public final class RatingPadApp implements DeviceApp<RatingConfig> {
    static final long TICK_MILLIS = 250;

    private RatingPadContext ctx;
    private volatile RatingConfig config;
    private volatile SessionRules rules;
    private SqliteRatingStore store;
    private volatile RatingSession session;
    private PadPresenter presenter;
    private ScheduledFuture<?> ticking;

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
        ticking = context.scheduler().scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
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
    public void stop() {
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
            Logger.error(e, "the rating pad's tick failed; trying again in {} ms", TICK_MILLIS);
        }
    }

    private void refresh() {
        presenter.show(session.view());
    }
}
