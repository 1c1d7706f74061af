package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.StateFaults;
import vn.motcua.common.testing.TestDirs;

class OutboxDrainerTest {
    private final java.nio.file.Path dir = TestDirs.create("drainer-");
    private final StateStore store = StateStore.open(dir);
    private final EventLog log = new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), java.time.Clock.systemUTC());
    private final AtomicInteger brokenCalls = new AtomicInteger();
    private final HealthModel health = new HealthModel();
    private final OutboxDrainer drainer = new OutboxDrainer(log, "R/event/",
            new OutboxDrainer.Limits(4, 4, Duration.ofMillis(300)), brokenCalls::incrementAndGet, new MqttHealth(health),
            new Backoff(Duration.ofMillis(200), Duration.ofMillis(400), new SplittableRandom(7)));

    /**
     * A broker stand-in that holds acknowledgements until the test releases them; {@link #ackAll()} acknowledges and
     * passes the events on (they come back on the device's own subscription), {@link #ackOnly()} acknowledges them
     * and drops them, as a broker does with publishes its ACL refuses; {@link #ackReadThenDropped()} is the connection
     * reading the acknowledgements and going down before their callbacks run, as Paho's does when the broker closes
     * right after acknowledging.
     */
    private final class HeldBroker implements Publisher {
        final List<String> topics = new CopyOnWriteArrayList<>();
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final List<Runnable> pendingAcks = new CopyOnWriteArrayList<>();
        final List<Runnable> pendingFailures = new CopyOnWriteArrayList<>();
        final java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public java.util.function.BooleanSupplier publish(String topic, byte[] payload, int qos, boolean retained,
                                                          Runnable onAck, Runnable onFailure) {
            topics.add(topic);
            long seq = Json.mapper().convertValue(parse(payload).get("seq"), Long.class);
            seqs.add(seq);
            pendingSeqs.add(seq);
            pendingAcks.add(onAck);
            pendingFailures.add(onFailure);
            return () -> acknowledged.contains(seq);
        }

        void ackReadThenDropped() {
            acknowledged.addAll(pendingSeqs);
            pendingAcks.clear();
            pendingFailures.clear();
            pendingSeqs.clear();
            drainer.disconnected();
        }

        final List<Long> pendingSeqs = new CopyOnWriteArrayList<>();

        void ackAll() {
            List<Long> seqsNow = new ArrayList<>(pendingSeqs);
            ackOnly();
            seqsNow.forEach(drainer::confirmed);
        }

        void ackOnly() {
            acknowledged.addAll(pendingSeqs);
            List<Runnable> acks = new ArrayList<>(pendingAcks);
            pendingAcks.clear();
            pendingFailures.clear();
            pendingSeqs.clear();
            acks.forEach(Runnable::run);
        }

        private static com.fasterxml.jackson.databind.JsonNode parse(byte[] p) {
            try {
                return Json.mapper().readTree(p);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterEach
    void stop() {
        drainer.stop(0);
        store.close();
    }

    @Test
    void publishes_in_seq_order_with_at_most_the_window_unacknowledged() {
        for (int i = 0; i < 10; i++) {
            log.record("ticket.issued", Json.object().put("n", i));
        }
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 4);
        assertThat(broker.seqs).containsExactly(1L, 2L, 3L, 4L);
        assertThat(broker.topics).allMatch(t -> t.equals("R/event/ticket/issued"));
        while (broker.seqs.size() < 10) {
            broker.ackAll();
            await().atMost(Duration.ofSeconds(5)).until(() -> !broker.pendingAcks.isEmpty() || broker.seqs.size() == 10);
        }
        broker.ackAll();
        assertThat(broker.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.ackedSeq() == 10);
    }

    @Test
    void resends_from_the_first_unacknowledged_event_after_a_reconnect() {
        for (int i = 0; i < 6; i++) {
            log.record("test.e", Json.object());
        }
        HeldBroker first = new HeldBroker();
        drainer.start();
        drainer.connected(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.seqs.size() == 4);
        first.pendingAcks.get(0).run();
        first.pendingAcks.get(1).run();
        drainer.confirmed(1);
        drainer.confirmed(2);
        drainer.disconnected();
        HeldBroker second = new HeldBroker();
        drainer.connected(second);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.seqs.size() == 4);
        assertThat(second.seqs).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void a_refused_publish_drops_the_connection_to_resend() {
        log.record("test.e", Json.object());
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 1);
        broker.pendingFailures.get(0).run();
        assertThat(brokenCalls).hasValue(1);
        assertThat(log.ackedSeq()).isZero();
    }

    @Test
    void an_acknowledged_event_that_never_comes_back_stays_in_the_outbox_and_is_sent_again() {
        for (int i = 0; i < 6; i++) {
            log.record("ticket.issued", Json.object());
        }
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 4);
        broker.ackOnly();
        // acknowledged is not delivered: the window stays full and the cursor does not move
        await().atMost(Duration.ofSeconds(5)).until(() -> health.status(MqttHealth.COMPONENT) != null);
        assertThat(health.status(MqttHealth.COMPONENT).wire()).isEqualTo("fault:broker-acl:R/event/ticket/issued");
        assertThat(log.ackedSeq()).isZero();
        assertThat(drainer.ackedSeq()).isZero();
        // after a backoff the same connection gets the unconfirmed events again, in order, never past the window
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 8);
        assertThat(broker.seqs).containsExactly(1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L);
        broker.ackAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 10);
        assertThat(broker.seqs.subList(8, 10)).containsExactly(5L, 6L);
        broker.ackAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.ackedSeq() == 6);
        assertThat(health.status(MqttHealth.COMPONENT).wire()).isEqualTo("ok");
    }

    @Test
    void connections_closed_right_after_the_broker_acknowledged_events_it_never_passes_on_report_the_topic() {
        log.record("ticket.issued", Json.object());
        log.record("ticket.issued", Json.object());
        drainer.start();
        HeldBroker first = new HeldBroker();
        drainer.connected(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.seqs.size() == 2);
        first.ackReadThenDropped();
        assertThat(health.status(MqttHealth.COMPONENT)).as("one connection is not yet a refusal").isNull();
        HeldBroker second = new HeldBroker();
        drainer.connected(second);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.seqs.size() == 2);
        second.ackReadThenDropped();
        assertThat(health.status(MqttHealth.COMPONENT).wire()).isEqualTo("fault:broker-acl:R/event/ticket/issued");
        assertThat(log.ackedSeq()).isZero();
        // the ACL fixed, the events come back and the fault clears
        HeldBroker third = new HeldBroker();
        drainer.connected(third);
        await().atMost(Duration.ofSeconds(5)).until(() -> third.seqs.size() == 2);
        third.ackAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.ackedSeq() == 2);
        assertThat(health.status(MqttHealth.COMPONENT).wire()).isEqualTo("ok");
    }

    @Test
    void connections_lost_before_the_broker_acknowledged_anything_are_not_an_acl_refusal() {
        log.record("ticket.issued", Json.object());
        drainer.start();
        for (int i = 0; i < 3; i++) {
            HeldBroker broker = new HeldBroker();
            drainer.connected(broker);
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 1);
            drainer.disconnected();
        }
        assertThat(health.status(MqttHealth.COMPONENT)).isNull();
        assertThat(log.ackedSeq()).isZero();
    }

    @Test
    void a_late_confirmation_of_an_earlier_round_still_counts() {
        log.record("ticket.issued", Json.object());
        log.record("ticket.issued", Json.object());
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 2);
        broker.ackOnly();
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 4);
        // the first round's events come back after all, before the second round's acknowledgements
        drainer.confirmed(2);
        assertThat(drainer.ackedSeq()).isZero();
        drainer.confirmed(1);
        assertThat(drainer.ackedSeq()).isEqualTo(2);
        log.addListener(e -> drainer.wake());
        log.record("ticket.issued", Json.object());
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.contains(3L));
    }

    @Test
    void events_recorded_while_connected_are_sent_promptly() {
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        log.addListener(e -> drainer.wake());
        log.record("test.late", Json.object());
        await().atMost(Duration.ofSeconds(2)).until(() -> broker.seqs.size() == 1);
    }

    @Test
    void stop_persists_the_acknowledged_cursor() {
        log.record("test.e", Json.object());
        log.record("test.e", Json.object());
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 2);
        broker.ackAll();
        drainer.stop(1000);
        assertThat(log.ackedSeq()).isEqualTo(2);
    }

    @Test
    void the_stored_cursor_never_passes_an_event_not_yet_come_back_whatever_order_they_come_back_in() {
        for (int i = 0; i < 4; i++) {
            log.record("test.e", Json.object());
        }
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 4);
        broker.ackOnly();
        drainer.confirmed(2);
        drainer.confirmed(4);
        drainer.confirmed(1);
        assertThat(drainer.ackedSeq()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.ackedSeq() == 2);
        drainer.confirmed(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.ackedSeq() == 4);
    }

    @Test
    void stop_stores_the_cursor_up_to_the_last_event_come_back_with_all_before_it() {
        for (int i = 0; i < 3; i++) {
            log.record("test.e", Json.object());
        }
        HeldBroker broker = new HeldBroker();
        drainer.start();
        drainer.connected(broker);
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.seqs.size() == 3);
        broker.ackOnly();
        drainer.confirmed(3);
        drainer.confirmed(1);
        drainer.stop(0);
        assertThat(log.ackedSeq()).isEqualTo(1);
    }

    @Test
    void goes_on_draining_after_the_state_disk_refused_to_store_the_cursor() {
        log.record("test.e", Json.object());
        HeldBroker first = new HeldBroker();
        drainer.start();
        drainer.connected(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.seqs.size() == 1);
        try (StateFaults fault = StateFaults.writesFail(dir)) {
            first.ackAll();
            drainer.disconnected();
            // disconnected, the drainer stores the acknowledged cursor within 250 ms, which fails after the store's
            // busy timeout of 5 s: the old loop ended on that failure
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10)).until(() -> drainer.status().running());
        }
        log.record("test.e", Json.object());
        HeldBroker second = new HeldBroker();
        drainer.connected(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.seqs.contains(2L));
        assertThat(second.seqs).containsExactly(2L);
        second.ackAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.ackedSeq() == 2);
    }
}
