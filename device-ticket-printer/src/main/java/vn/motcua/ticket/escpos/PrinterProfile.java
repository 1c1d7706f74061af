package vn.motcua.ticket.escpos;

import java.util.Objects;
import java.util.OptionalInt;

/** What the driver needs to know about one printer model: paper width, code page, QR support and cut. */
public record PrinterProfile(
        String id,
        int paperDots,
        int columns,
        OptionalInt vietnameseCodePage,
        PrintMode mode,
        boolean nativeQr,
        CutMode cut) {

    public PrinterProfile {
        Objects.requireNonNull(id, "id");
        if (paperDots < 8 || paperDots % 8 != 0) {
            throw new IllegalArgumentException("profile " + id + ": paperDots must be a positive multiple of 8, was " + paperDots);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("profile " + id + ": columns must be positive, was " + columns);
        }
        if (mode == PrintMode.CODEPAGE && vietnameseCodePage.isEmpty()) {
            throw new IllegalArgumentException("profile " + id + ": codepage mode needs a vietnameseCodePage");
        }
        Objects.requireNonNull(cut, "cut");
    }

    /** The same model driven in another mode; codepage mode requires the model to have the Vietnamese page. */
    public PrinterProfile withMode(PrintMode newMode) {
        return new PrinterProfile(id, paperDots, columns, vietnameseCodePage, newMode, nativeQr, cut);
    }
}
