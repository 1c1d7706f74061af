package vn.motcua.ticket.escpos;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.motcua.ticket.printer.TicketDocument;

/**
 * Lays a {@link TicketDocument} out on a printer model and produces its ESC/POS bytes. The lines that repeat from
 * ticket to ticket (header, service name, footer) are rendered once and kept, so a press does not re-encode, or on a
 * raster printer re-draw, the office's header; only the number and the time are laid out per ticket.
 */
public final class TicketLayout {
    private static final int TEXT_PIXELS = 24;
    private static final String PRIORITY_MARK = "ƯU TIÊN";
    /** Enough for the header, footer and service names of any config an office uses, and one config change. */
    private static final int KEPT_LINES = 64;

    private final PrinterProfile profile;
    private final Map<Line, byte[]> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT_LINES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Line, byte[]> eldest) {
            return size() > KEPT_LINES;
        }
    });

    private record Line(String text, boolean bold, int width, int height) {
    }

    public TicketLayout(PrinterProfile profile) {
        this.profile = profile;
    }

    /** The complete byte stream for one ticket: init, code page, text or rasters, optional QR, feed and cut. */
    public byte[] render(TicketDocument doc) {
        EscPosCommands cmd = new EscPosCommands().init();
        if (profile.mode() == PrintMode.CODEPAGE) {
            cmd.codePage(profile.vietnameseCodePage().orElseThrow());
        }
        cmd.align(1);
        for (int i = 0; i < doc.header().size(); i++) {
            kept(cmd, doc.header().get(i), i == 0, 1, 1);
        }
        cmd.lf();
        text(cmd, doc.ticket(), true, 4, 4);
        kept(cmd, doc.serviceName(), true, 1, 2);
        if (doc.priority()) {
            kept(cmd, PRIORITY_MARK, true, 2, 2);
        }
        text(cmd, doc.issuedAt(), false, 1, 1);
        for (String note : doc.notes()) {
            text(cmd, note, false, 1, 1);
        }
        if (!doc.footer().isEmpty()) {
            cmd.lf();
        }
        for (String line : doc.footer()) {
            kept(cmd, line, false, 1, 1);
        }
        doc.qrContent().map(TextSanitizer::clean).filter(s -> !s.isEmpty()).ifPresent(qr -> qr(cmd, qr));
        return cmd.align(0).cut(profile.cut()).bytes();
    }

    /** A line that repeats on every ticket: laid out once, then taken from {@link #kept}. */
    private void kept(EscPosCommands cmd, String raw, boolean bold, int width, int height) {
        cmd.append(kept.computeIfAbsent(new Line(raw, bold, width, height), l -> {
            EscPosCommands alone = new EscPosCommands();
            text(alone, l.text(), l.bold(), l.width(), l.height());
            return alone.bytes();
        }));
    }

    /**
     * One line of text at a size: in the printer's own font when it can carry the text (wrapped to the columns at that
     * size, one size step smaller first when a single word is wider than the paper), else as a raster laid out by
     * {@link RasterText} under the same rule.
     */
    private void text(EscPosCommands cmd, String raw, boolean bold, int width, int height) {
        String line = TextSanitizer.clean(raw).strip();
        if (line.isEmpty()) {
            return;
        }
        if (encodeAsText(line).isEmpty()) {
            cmd.raster(RasterText.render(line, profile.paperDots(), TEXT_PIXELS * height, bold));
            return;
        }
        int w = width;
        int h = height;
        if (w > 1 && !LineFit.everyWordFits(line, LineFit::columns, profile.columns() / w)) {
            w--;
            h = Math.max(1, h - 1);
        }
        cmd.bold(bold).size(w, h);
        for (String piece : LineFit.wrap(line, LineFit::columns, Math.max(1, profile.columns() / w))) {
            cmd.line(encodeAsText(piece).orElseThrow());
        }
        cmd.size(1, 1).bold(false);
    }

    private Optional<byte[]> encodeAsText(String line) {
        if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return Optional.of(line.getBytes(StandardCharsets.US_ASCII));
        }
        return profile.mode() == PrintMode.CODEPAGE ? Cp1258.encode(line) : Optional.empty();
    }

    private void qr(EscPosCommands cmd, String content) {
        int module = profile.paperDots() >= 576 ? 6 : 5;
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        if (profile.nativeQr()) {
            cmd.lf().qr(data, module, 'M').lf();
        } else {
            cmd.raster(QrRaster.render(content, profile.paperDots(), module));
        }
    }
}
