package vn.motcua.ticket.sim;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.motcua.ticket.escpos.RasterText;

/**
 * Draws a printed document as the paper would look: rasters and QR codes as printed, and text lines as the printer's
 * own font A puts them down, one letter per cell of {@code paperDots / columns} by 24 dots, times the GS ! size, so a
 * line that would not fit the paper does not fit the picture either.
 */
final class TicketImage {
    private static final int FONT_A_HEIGHT = 24;
    private static final int MARGIN = 12;

    private TicketImage() {
    }

    static byte[] png(PrintedDocument doc, int paperDots, int columns) {
        List<BufferedImage> parts = new ArrayList<>();
        for (PrintedDocument.Block block : doc.blocks()) {
            parts.add(part(block, paperDots, columns));
        }
        int height = MARGIN * 2 + parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage page = new BufferedImage(paperDots, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        int y = MARGIN;
        for (BufferedImage part : parts) {
            g.drawImage(part, 0, y, null);
            y += part.getHeight();
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(page, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode ticket PNG", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage part(PrintedDocument.Block block, int paperDots, int columns) {
        if (block instanceof PrintedDocument.Raster r) {
            return r.image().toBufferedImage();
        }
        if (block instanceof PrintedDocument.Qr q) {
            return qr(q, paperDots, columns);
        }
        return textLine((PrintedDocument.TextLine) block, paperDots, columns);
    }

    private static BufferedImage textLine(PrintedDocument.TextLine t, int paperDots, int columns) {
        int cellWidth = paperDots / columns * t.width();
        int cellHeight = FONT_A_HEIGHT * t.height();
        BufferedImage img = new BufferedImage(paperDots, cellHeight + cellHeight / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font font = RasterText.font(t.bold(), cellHeight * 9 / 10);
        FontMetrics fm = g.getFontMetrics(font);
        int[] letters = t.text().codePoints().toArray();
        int lineWidth = letters.length * cellWidth;
        int x = switch (t.align()) {
            case 1 -> (paperDots - lineWidth) / 2;
            case 2 -> paperDots - lineWidth;
            default -> 0;
        };
        for (int letter : letters) {
            String glyph = new String(Character.toChars(letter));
            int advance = Math.max(1, fm.stringWidth(glyph));
            double squeeze = Math.min(1.0, (double) cellWidth / advance);
            g.setFont(font.deriveFont(java.awt.geom.AffineTransform.getScaleInstance(squeeze, 1)));
            g.drawString(glyph, x + (int) ((cellWidth - advance * squeeze) / 2), fm.getAscent());
            x += cellWidth;
        }
        g.dispose();
        return img;
    }

    private static BufferedImage qr(PrintedDocument.Qr q, int paperDots, int columns) {
        try {
            BitMatrix m = new QRCodeWriter().encode(q.content(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
            int module = Math.max(1, Math.min(q.moduleSize(), paperDots / m.getWidth()));
            int size = m.getWidth() * module;
            BufferedImage img = new BufferedImage(paperDots, size, BufferedImage.TYPE_INT_RGB);
            int left = (paperDots - size) / 2;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < paperDots; x++) {
                    boolean inside = x >= left && x < left + size;
                    img.setRGB(x, y, inside && m.get((x - left) / module, y / module) ? 0x000000 : 0xFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            return textLine(new PrintedDocument.TextLine("[qr " + q.content() + "]", false, 1, 1, 1), paperDots, columns);
        }
    }
}
