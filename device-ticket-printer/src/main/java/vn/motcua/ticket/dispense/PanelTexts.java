package vn.motcua.ticket.dispense;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.numbering.TicketNumber;
import vn.motcua.ticket.printer.PrinterCondition;

/** What the ticket printer's display says, Vietnamese first. */
final class PanelTexts {
    static final String HINT = "Nhấn nút để lấy số";
    static final String ASK_STAFF = "Vui lòng báo nhân viên";

    private PanelTexts() {
    }

    static List<String> notConfigured() {
        return List.of("Chưa cấu hình", "Not configured");
    }

    static List<String> idle(TicketConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add(config.common().officeName().isBlank() ? "Bộ phận một cửa" : config.common().officeName());
        lines.add(HINT);
        for (Service s : config.services()) {
            // "A: Hộ tịch" when the button is named after the service, "btn-1: A Hộ tịch" when it is not
            lines.add(s.button() + ": " + (s.button().equals(s.code()) ? "" : s.code() + " ") + s.name());
        }
        return lines;
    }

    static List<String> ticket(TicketNumber ticket, Service service) {
        List<String> lines = new ArrayList<>(List.of("Số của bạn: " + ticket.text(), service.name()));
        if (ticket.priority()) {
            lines.add("ƯU TIÊN");
        }
        lines.add("Vui lòng chờ gọi số");
        return lines;
    }

    /** After a press too soon after the last ticket (inside {@code minIntervalMillis}): in the config's locale. */
    static List<String> pleaseWait(String locale) {
        return "en".equals(locale)
                ? List.of("Please wait", "then press again")
                : List.of("Vui lòng chờ", "rồi nhấn lại");
    }

    static List<String> exhausted(Service service) {
        return List.of("Đã hết số " + service.code(), ASK_STAFF, "No numbers left", "Please ask staff");
    }

    /** The state disk refuses writes: no number can be recorded, so none is given. */
    static List<String> notRecorded() {
        return List.of("Không cấp được số", ASK_STAFF, "Cannot issue tickets", "Please ask staff");
    }

    static List<String> fault(PrinterCondition condition) {
        return switch (condition) {
            case PAPER_OUT -> List.of("Máy in hết giấy", ASK_STAFF, "Printer out of paper", "Please ask staff");
            case COVER_OPEN -> List.of("Nắp máy in đang mở", ASK_STAFF, "Printer cover open", "Please ask staff");
            default -> List.of("Máy in không hoạt động", ASK_STAFF, "Printer offline", "Please ask staff");
        };
    }
}
