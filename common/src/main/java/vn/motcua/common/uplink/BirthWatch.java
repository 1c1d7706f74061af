package vn.motcua.common.uplink;

import java.time.Duration;

/**
 * Watches that the device's birth (its retained online state) comes back on its own state subscription, which tells
 * that the broker passes on what the device writes to {@code R/state}. Not back within {@link #WITHIN} of a connect, or
 * three connections in a row lost before it came back (Mosquitto 2.0.11 drops a client at its first QoS 0 publish the
 * ACL denies): the {@code mqtt} health says {@code fault:broker-acl:R/state} until a birth comes back.
 */
final class BirthWatch {
    static final Duration WITHIN = Duration.ofSeconds(5);
    private static final int LOST_IN_A_ROW = 3;

    private final MqttHealth health;
    private final String stateTopic;
    private long sentAt;
    private long session = -1;
    private boolean confirmed = true;
    private int lostUnconfirmed;

    BirthWatch(MqttHealth health, String stateTopic) {
        this.health = health;
        this.stateTopic = stateTopic;
    }

    /** A birth with {@code sessionNumber} was published on a new connection. */
    synchronized void sent(long sessionNumber) {
        session = sessionNumber;
        sentAt = System.nanoTime();
        confirmed = false;
    }

    /** A state came back; the birth of the current session confirms. */
    synchronized void received(long sessionNumber, boolean online) {
        if (online && sessionNumber == session && !confirmed) {
            confirmed = true;
            lostUnconfirmed = 0;
            health.state(null);
        }
    }

    /** The connection ended. */
    synchronized void lost() {
        if (!confirmed && ++lostUnconfirmed >= LOST_IN_A_ROW) {
            health.state(stateTopic);
        }
        confirmed = true;
    }

    /** Called now and then while connected. */
    synchronized void check() {
        if (!confirmed && System.nanoTime() - sentAt > WITHIN.toNanos()) {
            health.state(stateTopic);
        }
    }
}
