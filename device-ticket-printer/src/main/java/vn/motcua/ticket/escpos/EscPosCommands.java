package vn.motcua.ticket.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds an ESC/POS byte stream command by command; knows bytes, not layout. */
public final class EscPosCommands {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    /** ESC @: resets the print mode to the power-on defaults. */
    public EscPosCommands init() {
        return raw(EscPos.ESC, '@');
    }

    /** ESC t n: selects the character code table. */
    public EscPosCommands codePage(int n) {
        return raw(EscPos.ESC, 't', n);
    }

    /** ESC a n: 0 left, 1 centre, 2 right. */
    public EscPosCommands align(int n) {
        return raw(EscPos.ESC, 'a', n);
    }

    /** ESC E n: emphasised (bold) on or off. */
    public EscPosCommands bold(boolean on) {
        return raw(EscPos.ESC, 'E', on ? 1 : 0);
    }

    /** GS ! n: character size, 1..8 times in width and height. */
    public EscPosCommands size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1..8, was " + width + "x" + height);
        }
        return raw(EscPos.GS, '!', (width - 1) << 4 | (height - 1));
    }

    /** Text bytes already encoded in the selected code page (printable bytes only), followed by LF. */
    public EscPosCommands line(byte[] encoded) {
        for (byte b : encoded) {
            if ((b & 0xFF) < 0x20 || b == 0x7F) {
                throw new IllegalArgumentException("text bytes must not contain control byte 0x" + Integer.toHexString(b & 0xFF));
            }
        }
        out.writeBytes(encoded);
        return lf();
    }

    /** ASCII text followed by LF; any code page carries it. */
    public EscPosCommands asciiLine(String ascii) {
        return line(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    public EscPosCommands lf() {
        out.write(EscPos.LF);
        return this;
    }

    /** ESC d n: prints and feeds n lines. */
    public EscPosCommands feed(int lines) {
        return raw(EscPos.ESC, 'd', lines);
    }

    /** GS v 0: prints a raster bit image in normal density. */
    public EscPosCommands raster(BitImage image) {
        raw(EscPos.GS, 'v', '0', 0);
        raw(image.widthBytes() & 0xFF, image.widthBytes() >> 8, image.height() & 0xFF, image.height() >> 8);
        out.writeBytes(image.data());
        return this;
    }

    /** GS ( k, model 2 QR: selects the model, module size and error level, stores the data and prints the symbol. */
    public EscPosCommands qr(byte[] data, int moduleSize, char errorLevel) {
        if (data.length == 0 || data.length > 7089) {
            throw new IllegalArgumentException("QR data must be 1..7089 bytes, was " + data.length);
        }
        int level = switch (errorLevel) {
            case 'L' -> 48;
            case 'M' -> 49;
            case 'Q' -> 50;
            case 'H' -> 51;
            default -> throw new IllegalArgumentException("QR error level must be L, M, Q or H, was " + errorLevel);
        };
        qrFunction(EscPos.QR_MODEL, 50, 0);
        qrFunction(EscPos.QR_SIZE, moduleSize);
        qrFunction(EscPos.QR_ERROR_LEVEL, level);
        int len = data.length + 3;
        raw(EscPos.GS, '(', 'k', len & 0xFF, len >> 8, 49, EscPos.QR_STORE, 48);
        out.writeBytes(data);
        return qrFunction(EscPos.QR_PRINT, 48);
    }

    /** Feeds past the cutter and cuts the way the model supports. */
    public EscPosCommands cut(CutMode mode) {
        return switch (mode) {
            case FEED_PARTIAL -> raw(EscPos.GS, 'V', 66, 3);
            case PARTIAL -> feed(4).raw(EscPos.GS, 'V', 1);
            case FULL -> feed(4).raw(EscPos.GS, 'V', 0);
        };
    }

    /** Commands built earlier by another {@code EscPosCommands} (a cached, already checked line), as they are. */
    public EscPosCommands append(byte[] commands) {
        out.writeBytes(commands);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private EscPosCommands qrFunction(int fn, int... params) {
        int len = params.length + 2;
        raw(EscPos.GS, '(', 'k', len, 0, 49, fn);
        return raw(params);
    }

    private EscPosCommands raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }
}
