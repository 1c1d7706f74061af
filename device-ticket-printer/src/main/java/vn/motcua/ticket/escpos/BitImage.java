package vn.motcua.ticket.escpos;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/** A 1-bit image in ESC/POS raster order: rows of {@code widthBytes} bytes, most significant bit leftmost, 1 = black. */
public record BitImage(int widthBytes, int height, byte[] data) {

    public BitImage {
        if (widthBytes < 1 || height < 1 || data.length != widthBytes * height) {
            throw new IllegalArgumentException("raster " + widthBytes + "x" + height + " bytes does not match " + data.length + " data bytes");
        }
    }

    public int widthDots() {
        return widthBytes * 8;
    }

    public boolean black(int x, int y) {
        return (data[y * widthBytes + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    /** Thresholds an image (luminance below half is black) into a raster padded to a multiple of 8 dots. */
    public static BitImage of(BufferedImage img) {
        int wb = (img.getWidth() + 7) / 8;
        byte[] data = new byte[wb * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int alpha = (rgb >>> 24) & 0xFF;
                int lum = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (alpha > 127 && lum < 128) {
                    data[y * wb + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new BitImage(wb, img.getHeight(), data);
    }

    /** The image as black on white, for display and decoding. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(widthDots(), height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < widthDots(); x++) {
                img.setRGB(x, y, black(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitImage b && b.widthBytes == widthBytes && b.height == height && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * widthBytes + height) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BitImage[" + widthDots() + "x" + height + "]";
    }
}
