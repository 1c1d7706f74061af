package vn.motcua.rating.pad;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.rating.config.Reason;
import vn.motcua.rating.session.PadView;

/** The Vietnamese lines for a pad view on a display of a given size; long texts fall back to shorter wordings. */
public final class ScreenText {
    private final int columns;
    private final int rows;

    public ScreenText(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** How many pages the reasons take (at least 1). */
    public int reasonPages(List<Reason> reasons) {
        int perPage = reasonsPerPage(reasons);
        return Math.max(1, (reasons.size() + perPage - 1) / perPage);
    }

    /** The lines for a view; {@code page} picks which reasons are shown when they do not all fit. */
    public List<String> lines(PadView view, int page) {
        String counter = "Quầy " + view.counter();
        return switch (view.mode()) {
            case WAITING -> withHint(List.of(counter, fit("Mời quý khách đánh giá", "Mời đánh giá")), view);
            case SERVING -> withHint(List.of(counter, fit("Đang phục vụ: " + view.ticket(), "Phục vụ: " + view.ticket(),
                    view.ticket())), view);
            case CLOSED -> withHint(List.of(counter, fit("Quầy đang đóng", "Đóng")), view);
            case THANKS -> List.of(fit("Cảm ơn quý khách!", "Cảm ơn quý khách", "Cảm ơn!"), counter);
            case NOT_RECORDED -> List.of(fit("Chưa ghi nhận được", "Chưa ghi nhận"), fit("Vui lòng báo nhân viên",
                    "Báo nhân viên"));
            case ASKING -> reasons(view.reasons(), page);
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

    private List<String> reasons(List<Reason> reasons, int page) {
        List<String> out = new ArrayList<>();
        int perPage = reasonsPerPage(reasons);
        if (reasons.size() < rows) {
            out.add(fit("Lý do chưa hài lòng?", "Lý do?"));
        }
        int from = Math.floorMod(page, reasonPages(reasons)) * perPage;
        for (int i = from; i < Math.min(reasons.size(), from + perPage); i++) {
            out.add(reasons.get(i).number() + " " + reasons.get(i).label());
        }
        return out;
    }

    private int reasonsPerPage(List<Reason> reasons) {
        return reasons.size() < rows ? rows - 1 : Math.max(1, rows);
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
