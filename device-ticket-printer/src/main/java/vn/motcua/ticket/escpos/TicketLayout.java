package vn.motcua.ticket.escpos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private void text(EscPosCommands cmd, String raw, boolean bold, int width, int height) {
        String line = TextSanitizer.clean(raw).strip();
        if (line.isEmpty()) {
            return;
        }
        Optional<byte[]> encoded = encodeAsText(line);
        if (encoded.isEmpty()) {
            cmd.raster(RasterText.render(line, profile.paperDots(), TEXT_PIXELS * height, bold));
            return;
        }
        cmd.bold(bold).size(width, height);
        for (String piece : wrap(line, Math.max(1, profile.columns() / width))) {
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

    static List<String> wrap(String line, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : line.split(" +")) {
            while (word.length() > columns) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                out.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (cur.length() > 0 && cur.length() + 1 + word.length() > columns) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(cur.length() > 0 ? " " : "").append(word);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
