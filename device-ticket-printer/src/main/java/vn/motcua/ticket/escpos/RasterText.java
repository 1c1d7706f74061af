package vn.motcua.ticket.escpos;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Renders Unicode text with the bundled DejaVu Sans font into centred, word-wrapped 1-bit rasters. */
public final class RasterText {
    private static final Font REGULAR;
    private static final Font BOLD;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        REGULAR = load("fonts/DejaVuSans.ttf");
        BOLD = load("fonts/DejaVuSans-Bold.ttf");
    }

    private RasterText() {
    }

    /** The bundled font in the given style and pixel size. */
    public static Font font(boolean bold, int pixels) {
        return (bold ? BOLD : REGULAR).deriveFont((float) pixels);
    }

    /** Renders the text centred on a raster {@code widthDots} wide, wrapping at spaces (or anywhere) to fit. */
    public static BitImage render(String text, int widthDots, int pixels, boolean bold) {
        Font font = font(bold, pixels);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        List<String> lines = wrap(text, fm, widthDots);
        int lineHeight = fm.getAscent() + fm.getDescent();
        BufferedImage img = new BufferedImage(widthDots, lineHeight * lines.size(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        for (int i = 0; i < lines.size(); i++) {
            int x = Math.max(0, (widthDots - fm.stringWidth(lines.get(i))) / 2);
            g.drawString(lines.get(i), x, i * lineHeight + fm.getAscent());
        }
        g.dispose();
        return BitImage.of(img);
    }

    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (fm.stringWidth(candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (fm.stringWidth(rest) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && fm.stringWidth(rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static Font load(String resource) {
        try (InputStream in = RasterText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + resource + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + resource + " is not a TrueType font", e);
        }
    }
}
