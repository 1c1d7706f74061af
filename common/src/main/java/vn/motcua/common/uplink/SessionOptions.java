package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.json.Json;

/**
 * How the uplink opens a session and what it says of itself on {@code R/state} (SPEC section 3): the connect options
 * for one broker node (MQTT 3.1.1, clean session, Paho's reconnect off, the window, credentials, TLS or plain TCP
 * without Nagle) with the {@code offline/lost} will, and the retained {@code online} birth and {@code offline}
 * states, each with the session number.
 */
final class SessionOptions {
    private final Identity identity;
    private final DeviceInfo info;
    private final String stateId;
    private final Clock clock;

    SessionOptions(Identity identity, DeviceInfo info, String stateId, Clock clock) {
        this.identity = identity;
        this.info = info;
        this.stateId = stateId;
        this.clock = clock;
    }

    String stateTopic() {
        return identity.topicRoot() + "/state";
    }

    /** The options of a connect to {@code nodeUri} for session {@code sessionNumber}. */
    MqttConnectOptions forNode(String nodeUri, long sessionNumber) throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(PahoUplink.KEEP_ALIVE_SECONDS);
        o.setConnectionTimeout(10);
        o.setMaxInflight(PahoUplink.WINDOW + 32);
        o.setWill(stateTopic(), state("offline", "lost", sessionNumber), 1, true);
        Identity.MqttSettings m = identity.mqtt();
        if (m.username() != null) {
            o.setUserName(m.username());
        }
        if (m.password() != null) {
            o.setPassword(m.password());
        }
        if (nodeUri.startsWith("ssl://")) {
            o.setHttpsHostnameVerificationEnabled(true);
            try {
                o.setSocketFactory(TlsSockets.create(m.caFile(), m.certFile(), m.keyFile()));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new MqttException(MqttException.REASON_CODE_SSL_CONFIG_ERROR, e);
            }
        } else {
            o.setSocketFactory(NoDelaySockets.INSTANCE);
        }
        return o;
    }

    /**
     * The state document: {@code online} (no reason) with kind, version, config version, stateId and time; or
     * {@code offline} with its reason.
     */
    byte[] state(String status, String reason, long sessionNumber) {
        var node = Json.object().put("status", status);
        if (reason != null) {
            node.put("reason", reason);
        } else {
            node.put("kind", info.kind()).put("version", info.version()).put("configVersion", info.configVersion().getAsLong())
                    .put("stateId", stateId);
        }
        node.put("session", sessionNumber);
        if (reason == null) {
            node.put("ts", EventLog.TS.format(clock.instant().atZone(identity.timezone())));
        }
        return Json.write(node).getBytes(StandardCharsets.UTF_8);
    }
}
