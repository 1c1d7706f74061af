package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.tinylog.configuration.Configuration;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.Logging;
import vn.motcua.common.state.StateStore;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.config.TicketConfigModel;
import vn.motcua.ticket.dispense.Dispenser;
import vn.motcua.ticket.dispense.PrinterGate;
import vn.motcua.ticket.dispense.TicketComposer;
import vn.motcua.ticket.dispense.TicketPanel;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.PrinterProfiles;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.queue.QueueBoard;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.state.StoreLedger;
import vn.motcua.ticket.state.TicketSchema;

/**
 * Ticket press to the first byte of the ticket handed to the printer transport (status query, durable allocation with
 * its event, layout), against one plain SQLite insert+commit (WAL, synchronous=FULL) on the same disk, the two
 * interleaved press by press so both see the same disk and machine load.
 * The device's log goes to a file as on a device (the console only gets warnings). Args: [presses] [dir].
 */
public final class PressToPrintBench {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int WARM_UP = 500;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of("."), "press-bench-");
        Logging.toStateDir(base.resolve("device"));
        Configuration.set("writer1.level", "warn");
        long[] plain = new long[n];
        long[] press = new long[n];
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (PlainCommits commits = new PlainCommits(base.resolve("plain"),
                seq -> "{\"ticket\":\"A" + seq + "\",\"service\":\"A\",\"number\":" + seq + "}");
             StateStore store = StateStore.open(base.resolve("device"))) {
            Device device = new Device(store, scheduler);
            for (int i = 0; i < WARM_UP; i++) {
                commits.commit();
                device.press("C");
            }
            for (int i = 0; i < n; i++) {
                plain[i] = commits.commit();
                press[i] = device.press(i % 2 == 0 ? "A" : "B");
            }
        } finally {
            scheduler.shutdownNow();
        }
        print(n, new Stats(plain), new Stats(press));
    }

    private static void print(int n, Stats plain, Stats press) {
        System.out.println("press_to_print_presses=" + n + " (interleaved with as many plain commits, after " + WARM_UP + " of each)");
        System.out.println("plain_sqlite_commit p50_ms=" + Stats.fmt(plain.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(plain.percentileMillis(99)));
        System.out.println("press_to_first_byte p50_ms=" + Stats.fmt(press.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(press.percentileMillis(99)));
        System.out.println("ratio_p50=" + Stats.fmt(press.percentileMillis(50) / plain.percentileMillis(50))
                + " ratio_p99=" + Stats.fmt(press.percentileMillis(99) / plain.percentileMillis(99)));
    }

    /** The ticket printer's press path on a virtual printer, as the app wires it. */
    private static final class Device {
        private final FirstByteTransport transport;
        private final Dispenser dispenser;
        private final TicketPanel panel;

        Device(StateStore store, ScheduledExecutorService scheduler) {
            Clock clock = Clock.system(ZONE);
            store.migrate("ticket-printer", TicketSchema.STEPS);
            StoreLedger ledger = new StoreLedger(store, new EventLog(store, "bench", ZONE, clock));
            PrinterProfile profile = PrinterProfiles.bundled().get("epson-tm-t82");
            transport = new FirstByteTransport(new VirtualPrinter(profile, clock));
            EscPosPrinter printer = new EscPosPrinter(transport, profile, Duration.ofMillis(300));
            PrinterGate gate = new PrinterGate(printer, ledger, new HealthModel());
            gate.start();
            panel = new TicketPanel(Optional.empty(), new NoLeds(), clock, scheduler, gate);
            dispenser = new Dispenser(new Numbering(ledger, clock, ZONE), new PressThrottle(clock), gate,
                    new TicketComposer(clock, ZONE, new QueueBoard(clock)));
            TicketConfig config = config();
            dispenser.configure(config);
            panel.configure(config);
        }

        /** Presses a button; returns the nanoseconds until the ticket's first byte reached the transport. */
        long press(String button) {
            transport.reset();
            long t0 = System.nanoTime();
            panel.show(dispenser.press(button));
            if (transport.ticketAt() == 0) {
                throw new IllegalStateException("the press of " + button + " printed nothing");
            }
            return transport.ticketAt() - t0;
        }
    }

    private static TicketConfig config() {
        var body = Json.object().put("version", 1).put("officeName", "UBND phường Định Công").put("minIntervalMillis", 0);
        var services = body.putArray("services");
        for (String code : new String[] {"A", "B", "C"}) {
            services.addObject().put("code", code).put("name", "Hộ tịch").put("button", code).put("from", 1).put("to", 9999);
        }
        var ticket = body.putObject("ticket");
        ticket.putArray("header").add("Ủy ban nhân dân phường Định Công").add("Bộ phận một cửa");
        ticket.putArray("footer").add("Vui lòng chờ đến lượt");
        return new TicketConfigModel().parse(body).config();
    }

    /** The bench has no LEDs. */
    private static final class NoLeds implements Leds {
        @Override
        public void set(String name, LedState state) {
        }

        @Override
        public LedState state(String name) {
            return LedState.OFF;
        }

        @Override
        public Set<String> names() {
            return Set.of();
        }
    }
}
