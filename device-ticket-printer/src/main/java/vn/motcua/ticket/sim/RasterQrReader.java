package vn.motcua.ticket.sim;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.Optional;
import vn.motcua.ticket.escpos.BitImage;

/** Reads a QR code printed as a raster image back to its content with ZXing. */
final class RasterQrReader {
    private static final int MIN_QR_DOTS = 21;

    private RasterQrReader() {
    }

    static Optional<String> read(BitImage image) {
        if (image.height() < MIN_QR_DOTS) {
            return Optional.empty();
        }
        int w = image.widthDots();
        int[] pixels = new int[w * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = image.black(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, image.height(), pixels)));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }
}
