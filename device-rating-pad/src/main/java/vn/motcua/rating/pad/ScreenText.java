package vn.motcua.rating.pad;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.rating.config.Reason;
import vn.motcua.rating.session.PadView;

/**
 * The Vietnamese lines for a pad view on a display of a given size; long texts fall back to shorter wordings. What
 * still does not fit (long reason labels, more reasons than rows) is paged by the display's common rule.
 */
public final class ScreenText {
    private final int columns;
    private final int rows;

    public ScreenText(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** The lines for a view, every reason included. */
    public List<String> lines(PadView view) {
        String counter = "Quầy " + view.counter();
        return switch (view.mode()) {
            case WAITING -> withHint(List.of(counter, fit("Mời quý khách đánh giá", "Mời đánh giá")), view);
            case SERVING -> withHint(List.of(counter, fit("Đang phục vụ: " + view.ticket(), "Phục vụ: " + view.ticket(),
                    view.ticket())), view);
            case CLOSED -> withHint(List.of(counter, fit("Quầy đang đóng", "Đóng")), view);
            case THANKS -> List.of(fit("Cảm ơn quý khách!", "Cảm ơn quý khách", "Cảm ơn!"), counter);
            case NOT_RECORDED -> List.of(fit("Chưa ghi nhận được", "Chưa ghi nhận"), fit("Vui lòng báo nhân viên",
                    "Báo nhân viên"));
            case ASKING -> reasons(view.reasons());
        };
    }

    private List<String> withHint(List<String> lines, PadView view) {
        if (rows <= lines.size()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines);
        out.add("");
        out.add(view.canRate() ? fit("Xin mời đánh giá", "Mời đánh giá") : fit("Đã ghi nhận, cảm ơn", "Đã ghi nhận"));
        return out;
    }

    private List<String> reasons(List<Reason> reasons) {
        List<String> out = new ArrayList<>();
        if (reasons.size() < rows) {
            out.add(fit("Lý do chưa hài lòng?", "Lý do?"));
        }
        for (Reason r : reasons) {
            out.add(r.number() + " " + r.label());
        }
        return out;
    }

    private String fit(String... variants) {
        for (String v : variants) {
            if (v.codePointCount(0, v.length()) <= columns) {
                return v;
            }
        }
        return variants[variants.length - 1];
    }
}
