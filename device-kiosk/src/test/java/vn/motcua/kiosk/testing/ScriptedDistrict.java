package vn.motcua.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.motcua.common.json.Json;

/** The district's dossier service for tests: answers look-ups from a script; codes not in it get no answer. */
public final class ScriptedDistrict implements AutoCloseable {
    /** What the district answers for a code. */
    public record Answer(boolean found, String status, String statusText) {
    }

    private final MqttAsyncClient client;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public ScriptedDistrict(String brokerUri, String officeTopic) throws MqttException {
        client = new MqttAsyncClient(brokerUri, "district-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                onRequest(officeTopic, Json.parse(new String(message.getPayload(), StandardCharsets.UTF_8)));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(new MqttConnectOptions()).waitForCompletion(10_000);
        client.subscribe(officeTopic + "/dossier/request", 1).waitForCompletion(10_000);
    }

    public ScriptedDistrict answer(String code, Answer answer) {
        script.put(code, answer);
        return this;
    }

    /** Every request received, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained).waitForCompletion(10_000);
    }

    private void onRequest(String officeTopic, JsonNode request) throws MqttException {
        requests.add(request);
        Answer a = script.get(request.path("code").asText());
        if (a == null) {
            return;
        }
        String body = Json.write(Json.object().put("requestId", request.path("requestId").asText())
                .put("code", request.path("code").asText()).put("found", a.found()).put("status", a.status())
                .put("statusText", a.statusText()));
        String topic = officeTopic + "/" + request.path("deviceId").asText() + "/dossier/response";
        client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
