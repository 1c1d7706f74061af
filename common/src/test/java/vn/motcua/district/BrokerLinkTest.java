package vn.motcua.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.RealPeers;

/** The district-side link against a real Mosquitto that is started late and restarted under it. */
@Tag("slow")
class BrokerLinkTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FILTER = "motcua/v1/hoang-mai/dinh-cong/serving/+";
    private final MosquittoProcess broker = new MosquittoProcess();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> connects = new CopyOnWriteArrayList<>();
    private BrokerLink link;
    private BrokerLink publisher;

    @BeforeEach
    void needsMosquitto() {
        RealPeers.require("mosquitto", MosquittoProcess.available());
    }

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        broker.stop();
    }

    private BrokerLink link(boolean persistent) {
        return new BrokerLink(new BrokerLink.Settings(broker.uri(), "district-test", FILTER, persistent, null, null,
                Duration.ofMillis(200)), new BrokerLink.Listener() {
                    @Override
                    public void message(String topic, byte[] payload, boolean retained) {
                        received.add(topic.substring(topic.lastIndexOf('/') + 1) + "="
                                + new String(payload, StandardCharsets.UTF_8) + (retained ? " (retained)" : ""));
                    }

                    @Override
                    public void connected(boolean first) {
                        connects.add(first);
                    }
                });
    }

    /** An officer's publish; the officer's own link reconnects after a broker restart too. */
    private void publish(String counter, String ticket, boolean retained) {
        if (publisher == null) {
            publisher = new BrokerLink(BrokerLink.Settings.anonymous(broker.uri(), "officer", "unused/#",
                    Duration.ofMillis(200)), (t, p, r) -> { });
            publisher.keepConnected();
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            publisher.publishAndWait("motcua/v1/hoang-mai/dinh-cong/serving/" + counter,
                    ticket.getBytes(StandardCharsets.UTF_8), retained, Duration.ofSeconds(5));
            return true;
        });
    }

    @Test
    void waits_for_a_broker_that_is_not_up_yet_and_subscribes_again_after_it_restarts() throws Exception {
        link = link(false);
        link.keepConnected();
        Thread.sleep(600); // a few refused attempts first
        assertThat(link.connected()).isFalse();

        broker.start();
        await().atMost(WAIT).until(link::connected);
        publish("1", "A001", false);
        await().atMost(WAIT).until(() -> received.contains("1=A001"));

        for (int restart = 1; restart <= 3; restart++) {
            broker.stop();
            await().atMost(WAIT).until(() -> !link.connected());
            broker.start();
            await().atMost(WAIT).until(link::connected);
            String ticket = "A00" + (restart + 1);
            publish("1", ticket, false);
            await().atMost(WAIT).until(() -> received.contains("1=" + ticket));
        }
        assertThat(connects).containsExactly(true, false, false, false);
    }

    @Test
    void a_kept_session_is_not_subscribed_again_so_retained_calls_are_not_replayed_twice() throws Exception {
        broker.start();
        publish("2", "B007", true);
        link = link(true);
        link.connect();
        link.keepConnected();
        await().atMost(WAIT).until(() -> received.contains("2=B007 (retained)"));

        broker.stop();
        broker.start();
        await().atMost(WAIT).until(() -> connects.size() == 2);
        publish("2", "B008", true);
        await().atMost(WAIT).until(() -> received.contains("2=B008"));
        assertThat(received).containsExactly("2=B007 (retained)", "2=B008");
    }

    @Test
    void a_first_connect_that_fails_says_so_in_bounded_time() {
        link = new BrokerLink(BrokerLink.Settings.anonymous("tcp://127.0.0.1:" + FreePorts.tcp(), "nobody", FILTER,
                Duration.ofSeconds(1)), (t, p, r) -> { });
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThatThrownBy(link::connect).isInstanceOf(MqttException.class));
        assertThat(link.connected()).isFalse();
    }

    @Test
    void a_uri_that_is_no_broker_is_refused_at_once() {
        assertThatThrownBy(() -> BrokerLink.Settings.anonymous("http://127.0.0.1:1883", "x", FILTER, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:1883");
        assertThatThrownBy(() -> BrokerLink.Settings.anonymous("tcp:// bad", "x", FILTER, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
