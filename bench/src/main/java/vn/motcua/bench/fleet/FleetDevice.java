package vn.motcua.bench.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentLinkedQueue;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.uplink.DeviceInfo;
import vn.motcua.common.uplink.PahoUplink;

/** One device of the fleet: its own SQLite state, event log and the real uplink; no hardware, no CoAP. */
final class FleetDevice {
    static final String OFFICE = "bench/fleet";

    private final String deviceId;
    private final StateStore store;
    private final EventLog events;
    private final PahoUplink uplink;

    FleetDevice(Path dir, String deviceId, String brokerUri, ConcurrentLinkedQueue<Long> connects) throws Exception {
        this.deviceId = deviceId;
        ObjectNode id = TestIdentities.sim(deviceId, "kiosk", brokerUri);
        id.put("office", OFFICE);
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
        store = StateStore.open(dir.resolve("state"));
        events = new EventLog(store, deviceId, identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events,
                new DeviceInfo("kiosk", "bench", () -> 1, () -> "{\"outboxDepth\":" + depth() + "}"), Clock.systemUTC(),
                new vn.motcua.common.health.HealthModel());
        uplink.addConnectionListener(up -> {
            if (up) {
                connects.add(System.nanoTime());
            }
        });
    }

    void start() {
        uplink.start();
    }

    void record() {
        events.record("kiosk.lookup", Json.object().put("what", "procedure").put("found", true));
    }

    String deviceId() {
        return deviceId;
    }

    boolean connected() {
        return uplink.connected();
    }

    long recorded() {
        return events.lastSeq();
    }

    long acknowledged() {
        return events.ackedSeq();
    }

    private long depth() {
        return events.lastSeq() - events.ackedSeq();
    }

    void stop() {
        uplink.stop();
        store.close();
    }
}
