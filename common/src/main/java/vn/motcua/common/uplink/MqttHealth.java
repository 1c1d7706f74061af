package vn.motcua.common.uplink;

import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

/**
 * The {@code mqtt} component of the device's health, owned by the uplink: {@code fault:mqtt-tls:<why>} while TLS to
 * the broker fails, {@code fault:broker-acl:<topic>} while the broker takes publishes on a topic (or a subscription
 * to it) without passing them on, {@code ok} again when that is over. It appears only once something went wrong, so
 * a device whose broker always worked shows no {@code mqtt} component.
 */
final class MqttHealth {
    static final String COMPONENT = "mqtt";

    private final HealthModel health;
    private String tls;
    private String refusedFilter;
    private volatile String unconfirmedEvents;
    private String unconfirmedState;
    private boolean shown;

    MqttHealth(HealthModel health) {
        this.health = health;
    }

    /** A connect attempt failed; a TLS reason becomes the fault until a connect succeeds. */
    synchronized void connectFailed(Throwable failure) {
        TlsFailure.reason(failure).ifPresent(why -> {
            tls = why;
            report();
        });
    }

    synchronized void connected() {
        if (tls != null) {
            tls = null;
            report();
        }
    }

    /** The broker refused (or granted) the device's subscription to its own topics after a connect. */
    synchronized void subscription(String refused) {
        refusedFilter = refused;
        report();
    }

    /** Events published on {@code topic} were acknowledged but did not come back in time. */
    synchronized void eventsUnconfirmed(String topic) {
        unconfirmedEvents = topic;
        report();
    }

    /** An event came back: the broker passes events on. Cheap when nothing was wrong (called for every event). */
    void eventsConfirmed() {
        if (unconfirmedEvents != null) {
            synchronized (this) {
                unconfirmedEvents = null;
                report();
            }
        }
    }

    /** The birth state did not come back in time ({@code topic}), or did ({@code null}). */
    synchronized void state(String topic) {
        if (!java.util.Objects.equals(topic, unconfirmedState)) {
            unconfirmedState = topic;
            report();
        }
    }

    private void report() {
        String why = tls != null ? "mqtt-tls:" + tls
                : refusedFilter != null ? "broker-acl:" + refusedFilter
                : unconfirmedEvents != null ? "broker-acl:" + unconfirmedEvents
                : unconfirmedState != null ? "broker-acl:" + unconfirmedState : null;
        if (why == null && !shown) {
            return;
        }
        shown = true;
        health.report(COMPONENT, why == null ? ComponentStatus.OK : ComponentStatus.fault(why));
    }
}
