package vn.motcua.kiosk;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.dossier.DossierAnswer;
import vn.motcua.kiosk.hall.ServingCall;

/**
 * The kiosk's screen summed up as a few text lines, for the sim profile's {@code /sim/display}; the display pages what
 * does not fit its rows and columns by the common rule ({@link vn.motcua.common.hardware.PagedDisplay}).
 */
final class ScreenLines {
    static final int ROWS = 4;

    private ScreenLines() {
    }

    /** Hall display: the office name, then the latest calls newest first ({@code A012 → Quầy 5}). */
    static List<String> hall(String officeName, List<ServingCall> latestFirst) {
        List<String> lines = new ArrayList<>();
        lines.add(officeName.isBlank() ? "Màn hình gọi số" : officeName);
        for (ServingCall call : latestFirst) {
            if (lines.size() == ROWS) {
                break;
            }
            lines.add(call.ticket() + " → Quầy " + call.counter());
        }
        return lines;
    }

    /** Look-up: the office name, the last search and the last dossier look-up. */
    static List<String> lookup(String officeName, String search, int hits, DossierAnswer dossier) {
        List<String> lines = new ArrayList<>();
        lines.add(officeName.isBlank() ? "Tra cứu thủ tục hành chính" : officeName);
        lines.add(search.isBlank() ? "Tìm: -" : "Tìm: " + search + " (" + hits + ")");
        if (dossier != null) {
            lines.add("Hồ sơ " + dossier.code());
            lines.add(dossierText(dossier));
        }
        return lines;
    }

    private static String dossierText(DossierAnswer d) {
        return switch (d.result()) {
            case PENDING -> "Đang tra cứu...";
            case FOUND -> d.statusText().isBlank() ? d.status() : d.statusText();
            case NOT_FOUND -> "Không tìm thấy hồ sơ";
            case INVALID -> "Mã không hợp lệ";
            case UNAVAILABLE -> "Tạm thời không tra cứu được";
        };
    }
}
