package vn.motcua.kiosk.dossier;

/** Where the kiosk sends a scanned code to be looked up; returns at once, the answer comes back to the kiosk later. */
public interface DossierRequests {
    void lookUp(String code);
}
