package vn.motcua.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.runtime.Actions.ActionFailed;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.config.TicketConfigModel;
import vn.motcua.ticket.dispense.Dispenser;
import vn.motcua.ticket.dispense.PrinterGate;
import vn.motcua.ticket.dispense.TicketComposer;
import vn.motcua.ticket.dispense.TicketPanel;
import vn.motcua.ticket.management.SimPrinterPngResource;
import vn.motcua.ticket.management.SimPrinterResource;
import vn.motcua.ticket.management.SimPrinterStateResource;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.queue.QueueBoard;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.state.StoreLedger;
import vn.motcua.ticket.state.TicketSchema;

/** The ticket printer on the common kernel: buttons to numbered, printed tickets, with an honest printer gate. */
public final class TicketPrinterApp implements DeviceApp<TicketConfig> {
    static final long POLL_SECONDS = 4;

    private final TicketPrinterHardware hardware;
    private PrinterSetup setup;
    private PrinterGate gate;
    private TicketPanel panel;
    private Dispenser dispenser;
    private TicketComposer composer;
    private TicketTelemetry telemetry;
    private ScheduledFuture<?> poll;
    private volatile TicketConfig config;

    /** The app for this hardware block (see {@link TicketPrinterHardware#MODEL}). */
    public TicketPrinterApp(TicketPrinterHardware hardware) {
        this.hardware = hardware;
    }

    @Override
    public String module() {
        return "ticket-printer";
    }

    @Override
    public List<String> migrations() {
        return TicketSchema.STEPS;
    }

    @Override
    public TicketConfigModel configModel() {
        return new TicketConfigModel();
    }

    @Override
    public void start(DeviceContext kernel, TicketConfig initial) {
        start(TicketPrinterContext.of(kernel), initial);
    }

    /** Starts on the printer's own narrow context (what {@link #start(DeviceContext, TicketConfig)} hands it). */
    void start(TicketPrinterContext ctx, TicketConfig initial) {
        setup = PrinterSetup.from(hardware, ctx.clock());
        StoreLedger ledger = new StoreLedger(ctx.store(), ctx.events());
        Numbering numbering = new Numbering(ledger, ctx.clock(), ctx.timezone());
        PressThrottle throttle = new PressThrottle(ctx.clock());
        gate = new PrinterGate(setup.printer(), ledger, ctx.health());
        gate.start();
        panel = new TicketPanel(ctx.display().map(d -> new PagedDisplay(d, ctx.clock(), ctx.scheduler())),
                ctx.leds(), ctx.clock(), ctx.scheduler(), gate);
        gate.addListener(condition -> panel.printerChanged());
        QueueBoard queues = new QueueBoard(ctx.clock());
        composer = new TicketComposer(ctx.clock(), ctx.timezone(), queues);
        ctx.link().subscribe(ctx.queueTopics(),
                m -> queues.accept(m.topic().substring(m.topic().lastIndexOf('/') + 1), m.text()));
        dispenser = new Dispenser(numbering, throttle, gate, composer);
        applyConfig(initial);
        telemetry = new TicketTelemetry(ledger, numbering, throttle, gate, ctx.clock(), ctx.timezone());
        panel.printerChanged();
        ctx.buttons().addListener(button -> panel.show(dispenser.press(button)));
        ctx.actions().register("test-print", this::testPrint);
        setup.virtual().ifPresent(v -> addSimResources(ctx, v));
        poll = ctx.scheduler().scheduleWithFixedDelay(this::poll, 0, POLL_SECONDS, TimeUnit.SECONDS);
        Logger.info("ticket printer on {} ({} mode); {} service(s) configured", setup.describe(),
                setup.printer().profile().mode().wire(), initial.services().size());
    }

    @Override
    public void applyConfig(TicketConfig next) {
        config = next;
        dispenser.configure(next);
        panel.configure(next);
    }

    @Override
    public void stop() {
        if (dispenser != null) {
            dispenser.stop();
        }
        if (poll != null) {
            poll.cancel(false);
        }
        if (setup != null) {
            setup.transport().close();
        }
    }

    @Override
    public void contributeTelemetry(ObjectNode t) {
        if (telemetry != null) {
            telemetry.contribute(t, config.common().businessDayStart());
        }
    }

    @Override
    public List<String> probeHardware() {
        return PrinterProbe.probe(hardware, Clock.systemUTC());
    }

    private String testPrint() throws ActionFailed {
        PrinterCondition condition = gate.check();
        if (!condition.canPrint()) {
            throw new ActionFailed("printer " + condition.wire() + "; test page not printed");
        }
        PrintResult result = gate.print(composer.testPage(config));
        if (!result.printed()) {
            throw new ActionFailed("test page not printed: " + result.problem());
        }
        Logger.info("test page printed");
        return "printed";
    }

    private void poll() {
        try {
            gate.check();
        } catch (RuntimeException e) {
            Logger.warn("printer status poll failed: {}; polling again in {} s", e.getMessage(), POLL_SECONDS);
        }
    }

    private static void addSimResources(TicketPrinterContext ctx, VirtualPrinter virtual) {
        ctx.management().add("sim/printer", new SimPrinterResource(virtual));
        ctx.management().add("sim/printer/last.png", new SimPrinterPngResource(virtual));
        ctx.management().add("sim/printer-state", new SimPrinterStateResource(virtual));
    }
}
