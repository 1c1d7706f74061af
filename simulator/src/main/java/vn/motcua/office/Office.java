package vn.motcua.office;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import org.tinylog.Logger;
import vn.motcua.kiosk.procedures.SampleDossiers;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.devices.ChildDevice;
import vn.motcua.office.devices.ConfigPusher;
import vn.motcua.office.devices.DeviceSpec;
import vn.motcua.office.devices.Fleet;
import vn.motcua.office.devices.OfficePlan;
import vn.motcua.office.district.District;
import vn.motcua.office.district.DossierDesk;
import vn.motcua.office.mqtt.DistrictLink;
import vn.motcua.office.store.SqliteJournal;
import vn.motcua.office.mqtt.EmbeddedBroker;
import vn.motcua.office.panel.DevicePoller;
import vn.motcua.office.panel.PanelActions;
import vn.motcua.office.panel.PanelServer;
import vn.motcua.office.panel.PanelView;

/** A whole one-stop office on one machine: broker, device processes, district stand-in and web panel. */
public final class Office {
    static final long DEVICE_STOP_MILLIS = 10_000;

    private final OfficeSettings settings;
    private final List<DeviceSpec> plan;
    private EmbeddedBroker broker;
    private CoapLink coap;
    private District district;
    private DistrictLink link;
    private SqliteJournal journal;
    private Fleet fleet;
    private DevicePoller poller;
    private PanelServer panel;
    private ScheduledExecutorService scheduler;
    private ScheduledExecutorService pushers;
    private boolean stopped;

    public Office(OfficeSettings settings) {
        this.settings = settings;
        this.plan = OfficePlan.devices(settings);
    }

    public synchronized void start() throws Exception {
        Files.createDirectories(settings.logs());
        checkPanelPort();
        scheduler = Executors.newScheduledThreadPool(4, daemon("office"));
        pushers = Executors.newScheduledThreadPool(2, daemon("config-push"));
        if (settings.embeddedBroker()) {
            broker = new EmbeddedBroker(settings.mqttPort());
            broker.start();
        }
        coap = new CoapLink();
        coap.start();
        ZoneId zone = ZoneId.of(OfficeSettings.TIMEZONE);
        Clock clock = Clock.system(zone);
        district = new District(OfficeSettings.OFFICE, zone, clock, this::publish, new DossierDesk(SampleDossiers.load()));
        journal = SqliteJournal.open(settings.runDir().resolve("district"), LocalDate.now(clock));
        district.restoreFrom(journal);
        link = new DistrictLink(settings.broker(), district.topics().all(), district::handle,
                () -> district.openCounters(settings.counters()));
        link.start();
        // the queues are republished every minute, so a ticket printer's copy stays fresh (5 min) in a quiet hour
        scheduler.scheduleWithFixedDelay(district::publishQueues, 1, 1, TimeUnit.MINUTES);
        ConfigPusher configs = new ConfigPusher(coap, pushers);
        List<ChildDevice> children = new ArrayList<>();
        plan.forEach(spec -> children.add(new ChildDevice(spec, settings.runDir(), scheduler, configs::push)));
        fleet = new Fleet(children);
        fleet.start();
        List<DeviceSpec> running = fleet.running().stream().map(ChildDevice::spec).toList();
        poller = new DevicePoller(coap, running);
        poller.start();
        PanelView view = new PanelView(plan, running.stream().map(DeviceSpec::deviceId).toList(), settings.counters(),
                district, poller, link::connected);
        panel = new PanelServer(settings.httpPort(), view, new PanelActions(coap, district, poller, running), poller.printer());
        panel.start(scheduler);
    }

    /** Stops the panel, the devices (SIGTERM, killed after a timeout), the district and the broker. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Logger.info("stopping the office");
        if (poller != null) {
            poller.stop();
        }
        if (fleet != null) {
            fleet.stop(DEVICE_STOP_MILLIS);
        }
        if (panel != null) {
            panel.stop();
        }
        if (pushers != null) {
            pushers.shutdownNow();
        }
        if (link != null) {
            link.stop();
        }
        if (journal != null) {
            journal.close();
        }
        if (coap != null) {
            coap.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        Logger.info("office stopped");
    }

    public String panelUrl() {
        return panel.url();
    }

    public int panelPort() {
        return panel.port();
    }

    public District district() {
        return district;
    }

    public Fleet fleet() {
        return fleet;
    }

    public List<DeviceSpec> plan() {
        return plan;
    }

    /** Fails before any device starts when the panel's port is taken (another office, say). */
    private void checkPanelPort() throws IOException {
        if (settings.httpPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(settings.httpPort(), 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + settings.httpPort() + " for the web panel is in use (another office running?); "
                    + "choose another with --http-port", e);
        }
    }

    private boolean publish(String topic, String payload, boolean retained) {
        return link != null && link.publish(topic, payload, retained);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
