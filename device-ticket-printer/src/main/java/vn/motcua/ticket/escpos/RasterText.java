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
import java.util.List;

/** Renders Unicode text with the bundled DejaVu Sans font into centred, word-wrapped 1-bit rasters. */
public final class RasterText {
    /** Dots kept clear at each side of the paper, so no glyph's ink reaches the edge. */
    public static final int MARGIN_DOTS = 8;
    private static final int SMALLEST_PIXELS = 18;
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

    /** How a text is laid out on a raster: its lines, in this font, each at most the printable width. */
    public record Layout(List<String> lines, Font font, int printableDots) {
        /** The width of a line in dots, measured with the font it is drawn in. */
        public int width(String line) {
            return metrics(font).stringWidth(line);
        }
    }

    /**
     * Lays the text out for a raster {@code widthDots} wide, keeping {@link #MARGIN_DOTS} clear on each side: wrapped at
     * spaces; when a single word is wider than that, the whole text one size step smaller ({@link #shrunk}), and a word
     * still too wide broken at a letter.
     */
    public static Layout layout(String text, int widthDots, int pixels, boolean bold) {
        int printable = widthDots - 2 * MARGIN_DOTS;
        Font font = font(bold, pixels);
        FontMetrics fm = metrics(font);
        if (!LineFit.everyWordFits(text, fm::stringWidth, printable)) {
            font = font(bold, shrunk(pixels));
            fm = metrics(font);
        }
        return new Layout(LineFit.wrap(text, fm::stringWidth, printable), font, printable);
    }

    /** One size step down: three quarters, at least the smallest size a ticket prints. */
    static int shrunk(int pixels) {
        return Math.max(SMALLEST_PIXELS, pixels * 3 / 4);
    }

    /** Renders the text centred on a raster {@code widthDots} wide, laid out by {@link #layout}. */
    public static BitImage render(String text, int widthDots, int pixels, boolean bold) {
        Layout laid = layout(text, widthDots, pixels, bold);
        FontMetrics fm = metrics(laid.font());
        List<String> lines = laid.lines();
        int lineHeight = fm.getAscent() + fm.getDescent();
        BufferedImage img = new BufferedImage(widthDots, lineHeight * lines.size(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(laid.font());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        for (int i = 0; i < lines.size(); i++) {
            int x = MARGIN_DOTS + Math.max(0, (laid.printableDots() - fm.stringWidth(lines.get(i))) / 2);
            g.drawString(lines.get(i), x, i * lineHeight + fm.getAscent());
        }
        g.dispose();
        return BitImage.of(img);
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        pg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        return fm;
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
