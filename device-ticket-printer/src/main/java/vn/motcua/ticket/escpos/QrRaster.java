package vn.motcua.ticket.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Renders a QR code with ZXing into a raster for printers without the native QR command. */
public final class QrRaster {
    private QrRaster() {
    }

    /** A raster {@code widthDots} wide with the symbol centred, {@code moduleDots} dots per module, 4-module quiet zone. */
    public static BitImage render(String content, int widthDots, int moduleDots) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content.length() + " characters as a QR code", e);
        }
        int module = Math.max(1, Math.min(moduleDots, widthDots / m.getWidth()));
        int size = m.getWidth() * module;
        int left = (widthDots - size) / 2;
        int wb = widthDots / 8;
        byte[] data = new byte[wb * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (m.get(x / module, y / module)) {
                    int px = left + x;
                    data[y * wb + px / 8] |= (byte) (0x80 >> (px % 8));
                }
            }
        }
        return new BitImage(wb, size, data);
    }
}
