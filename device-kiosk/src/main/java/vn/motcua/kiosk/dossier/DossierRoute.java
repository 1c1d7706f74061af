package vn.motcua.kiosk.dossier;

/**
 * Where the kiosk's dossier look-ups go and come back (SPEC section 4): requests carry {@code deviceId} and are
 * published on the office's {@code dossier/request}; answers arrive on the device's own {@code dossier/response}.
 */
public record DossierRoute(String deviceId, String requestTopic, String responseTopic) {

    /** The route of device {@code deviceId} in the office whose topic prefix is {@code officeTopic}. */
    public static DossierRoute of(String deviceId, String officeTopic) {
        return new DossierRoute(deviceId, officeTopic + "/dossier/request",
                officeTopic + "/" + deviceId + "/dossier/response");
    }
}
