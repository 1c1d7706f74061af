package vn.motcua.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Heartbeat heartbeat = new Heartbeat("input", Duration.ofSeconds(10), nanos::get);

    @Test
    void is_fresh_until_its_deadline_passes_without_a_beat() {
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(heartbeat.stale()).isFalse();
        nanos.addAndGet(1);
        assertThat(heartbeat.stale()).isTrue();
        assertThat(heartbeat.sinceBeat()).isEqualTo(Duration.ofSeconds(10).plusNanos(1));
    }

    @Test
    void a_beat_makes_it_fresh_again() {
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        heartbeat.beat();
        assertThat(heartbeat.stale()).isFalse();
        assertThat(heartbeat.sinceBeat()).isZero();
    }

    @Test
    void the_health_model_keeps_every_heartbeat_made_from_it() {
        HealthModel health = new HealthModel();
        Heartbeat input = health.heartbeat(Components.INPUT, Duration.ofSeconds(10));
        Heartbeat app = health.heartbeat(Components.APP, Duration.ofSeconds(30));
        assertThat(health.heartbeats()).containsExactly(input, app);
    }

    @Test
    void loop_threads_are_mapped_to_their_components() {
        assertThat(Components.ofLoop("outbox-drainer")).contains(Components.OUTBOX);
        assertThat(Components.ofLoop("mqtt-connect")).contains(Components.MQTT);
        assertThat(Components.ofLoop("barcode-reader")).contains(Components.INPUT);
        assertThat(Components.ofLoop("mqtt-inbound")).isEmpty();
    }
}
