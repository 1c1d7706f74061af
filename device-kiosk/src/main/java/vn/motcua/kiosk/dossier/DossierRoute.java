package vn.motcua.kiosk.dossier;

/**
 * Where the kiosk's dossier look-ups go and come back (SPEC section 4): requests carry {@code deviceId} and are
 * published on the office's {@code dossier/request}; answers arrive on the device's own {@code dossier/response}.
 */
public record DossierRoute(String deviceId, String requestTopic, String responseTopic) {

    /**
     * The route of device {@code deviceId}, whose own topics are below {@code topicRoot}, in the office whose topic
     * prefix is {@code officeTopic} (both as {@code Identity} makes them).
     */
    public static DossierRoute of(String deviceId, String officeTopic, String topicRoot) {
        return new DossierRoute(deviceId, officeTopic + "/dossier/request", topicRoot + "/dossier/response");
    }
}
