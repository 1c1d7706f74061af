package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.Configs;

/** kill -9 while citizens keep pressing: no number twice, numbers gapless, every issued ticket recorded once. */
@Tag("slow")
class TicketPrinterCrashTest {
    private static final int KILLS = 6;
    private final Path dir = TestDirs.create("ticket-crash-");
    private final Path state = dir.resolve("state");
    private final Path log = dir.resolve("device.log");
    private final int port = FreePorts.udp();
    private final Random random = new Random(20261123);
    private final List<Long> pulledSeqs = new ArrayList<>();
    private final List<String> pulledIssued = new ArrayList<>();

    @Test
    void issues_no_number_twice_and_loses_no_ticket_event_across_repeated_kill_9() throws Exception {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + FreePorts.tcp());
        ((ObjectNode) id.get("coap")).put("port", port);
        Path identity = TestIdentities.write(dir, id);
        try (Coap coap = new Coap(port, 1000)) {
            for (int run = 0; run <= KILLS; run++) {
                DeviceProcess device = DeviceProcess.start(TicketPrinterMain.class.getName(), identity, state, log);
                awaitAnswer(coap, device);
                if (run == 0) {
                    ObjectNode body = Configs.body(0);
                    CoapResponse put = coap.put("config", Json.write(body), MediaTypeRegistry.APPLICATION_JSON);
                    assertThat(put.getCode()).isEqualTo(ResponseCode.CHANGED);
                }
                pressFor(coap, run == KILLS ? 1000 : 300 + random.nextInt(1500));
                if (run == KILLS) {
                    Thread.sleep(500);
                    pullEvents();
                    assertThat(device.terminate()).isZero();
                } else {
                    device.kill9();
                }
            }
        }
        assertNoNumberTwiceAndEveryTicketRecordedOnce();
    }

    private void pullEvents() throws Exception {
        try (Coap coap = new Coap(port)) {
            while (true) {
                JsonNode page = coap.getJson("events?after=" + pulledSeqs.size() + "&limit=500");
                if (page.isEmpty()) {
                    return;
                }
                for (JsonNode e : page) {
                    pulledSeqs.add(e.get("seq").asLong());
                    if (e.get("type").asText().equals("ticket.issued")) {
                        pulledIssued.add(key(e.get("data")));
                    }
                }
            }
        }
    }

    private static String key(JsonNode d) {
        return d.get("service").asText() + "/" + d.get("businessDay").asText() + "/" + d.get("number").asInt();
    }

    private void pressFor(Coap coap, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        String[] buttons = {"A", "A", "C", "D"};
        for (int i = 0; System.nanoTime() < end; i++) {
            coap.post("sim/press", buttons[i % buttons.length]);
        }
    }

    private void awaitAnswer(Coap coap, DeviceProcess device) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && device.alive()) {
            CoapResponse r = coap.get("health");
            if (r != null && r.isSuccess()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("device did not answer CoAP; see " + log);
    }

    private void assertNoNumberTwiceAndEveryTicketRecordedOnce() throws Exception {
        try (StateStore store = StateStore.open(state)) {
            List<String> counters = store.read(tx -> tx.query(
                    "SELECT service || '/' || business_day || '/' || last_number || '/' || issued FROM ticket_counters",
                    rs -> rs.getString(1)));
            List<RecordedEvent> events = new EventLog(store, "tp-01", ZoneOffset.UTC, Clock.systemUTC())
                    .readAfter(0, Integer.MAX_VALUE);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).seq()).as("event seq gapless").isEqualTo(i + 1);
            }
            List<String> issued = new ArrayList<>();
            for (RecordedEvent e : events) {
                if (e.type().equals("ticket.issued")) {
                    issued.add(key(Json.parse(e.envelope()).get("data")));
                }
            }
            assertThat(issued).as("tickets issued across the kills").hasSizeGreaterThan(20)
                    .as("no number twice per service and day").doesNotHaveDuplicates();
            Map<String, Set<Integer>> byCounter = assertGapless(issued);
            assertThat(pulledSeqs).as("GET /events: gapless seq from 1").isEqualTo(
                    LongStream.rangeClosed(1, pulledSeqs.size()).boxed().toList());
            assertThat(pulledIssued).as("GET /events: every ticket.issued once, as recorded").isNotEmpty()
                    .isEqualTo(issued.subList(0, Math.min(issued.size(), pulledIssued.size())));
            assertThat(counters).as("the counters agree with the events").containsExactlyInAnyOrderElementsOf(
                    byCounter.entrySet().stream().map(e -> e.getKey() + "/" + e.getValue().size() + "/" + e.getValue().size()).toList());
            assertThat(events).as("the virtual printer never failed, so nothing was voided")
                    .noneMatch(e -> e.type().equals("ticket.voided"));
            long starts = events.stream().filter(e -> e.type().equals("device.started")).count();
            assertThat(starts).isEqualTo(KILLS + 1);
        }
    }

    private static Map<String, Set<Integer>> assertGapless(List<String> rows) {
        Map<String, Set<Integer>> byCounter = new HashMap<>();
        for (String row : rows) {
            int cut = row.lastIndexOf('/');
            byCounter.computeIfAbsent(row.substring(0, cut), k -> new HashSet<>()).add(Integer.parseInt(row.substring(cut + 1)));
        }
        assertThat(byCounter.keySet()).anyMatch(k -> k.startsWith("A/")).anyMatch(k -> k.startsWith("P/"));
        byCounter.forEach((counter, numbers) -> {
            for (int n = 1; n <= numbers.size(); n++) {
                assertThat(numbers).as("numbers of " + counter + " gapless from 1").contains(n);
            }
        });
        return byCounter;
    }
}
