package vn.motcua.office.district;

import java.util.Optional;

/** The MQTT topics of one office (SPEC section 4), built and taken apart. */
public final class OfficeTopics {
    private final String prefix;

    public OfficeTopics(String office) {
        this.prefix = "motcua/v1/" + office + "/";
    }

    /** A topic under a device's root: {@code R/state}, {@code R/telemetry}, {@code R/event/{type}}. */
    public record DeviceTopic(String deviceId, String path) {
    }

    /** Everything the district listens to. */
    public String all() {
        return prefix + "#";
    }

    public String serving(int counter) {
        return prefix + "serving/" + counter;
    }

    /** The retained queue of one service, published by the district (v1.1). */
    public String queue(String service) {
        return prefix + "queue/" + service;
    }

    public String dossierRequest() {
        return prefix + "dossier/request";
    }

    public String dossierResponse(String deviceId) {
        return prefix + deviceId + "/dossier/response";
    }

    /** The device and the path below its root, for topics of the form {@code prefix/{deviceId}/...}. */
    public Optional<DeviceTopic> device(String topic) {
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.startsWith("serving/") || rest.startsWith("queue/")
                || rest.equals(dossierRequest().substring(prefix.length()))) {
            return Optional.empty();
        }
        return Optional.of(new DeviceTopic(rest.substring(0, slash), rest.substring(slash + 1)));
    }
}
