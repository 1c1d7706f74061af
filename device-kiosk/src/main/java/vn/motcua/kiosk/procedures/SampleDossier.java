package vn.motcua.kiosk.procedures;

/**
 * A dossier of the sample data set the simulator's district stand-in answers look-ups from.
 *
 * @param status one of {@code received}, {@code processing}, {@code additional-documents}, {@code ready}, {@code returned}
 */
public record SampleDossier(String code, String status, String statusText, String procedureId) {
}
