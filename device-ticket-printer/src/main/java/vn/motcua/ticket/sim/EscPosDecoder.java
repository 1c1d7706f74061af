package vn.motcua.ticket.sim;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import vn.motcua.ticket.escpos.BitImage;
import vn.motcua.ticket.escpos.EscPos;

/** A streaming ESC/POS parser: bytes arrive in any chunks, complete commands go to a {@link Sink}. */
final class EscPosDecoder {
    /** What the parsed commands mean to a printer. */
    interface Sink {
        void init();

        void codePage(int n);

        void align(int n);

        void bold(boolean on);

        void size(int width, int height);

        void text(byte b);

        void lineFeed();

        void raster(BitImage image);

        void qrModuleSize(int dots);

        void qrStore(byte[] data);

        void qrPrint();

        void cut();

        void statusQuery(int n);
    }

    private static final int INCOMPLETE = 0;
    private final Sink sink;
    private byte[] pending = new byte[0];

    EscPosDecoder(Sink sink) {
        this.sink = sink;
    }

    void feed(byte[] data, int off, int len) {
        byte[] buf = Arrays.copyOf(pending, pending.length + len);
        System.arraycopy(data, off, buf, pending.length, len);
        int pos = 0;
        while (pos < buf.length) {
            int used = command(buf, pos);
            if (used == INCOMPLETE) {
                break;
            }
            pos += used;
        }
        pending = Arrays.copyOfRange(buf, pos, buf.length);
    }

    private int command(byte[] b, int p) {
        int c = b[p] & 0xFF;
        int left = b.length - p;
        switch (c) {
            case EscPos.LF -> sink.lineFeed();
            case EscPos.ESC -> {
                return left < 2 ? INCOMPLETE : esc(b, p, left);
            }
            case EscPos.GS -> {
                return left < 2 ? INCOMPLETE : gs(b, p, left);
            }
            case EscPos.DLE -> {
                if (left < 3) {
                    return INCOMPLETE;
                }
                if (b[p + 1] == EscPos.EOT) {
                    sink.statusQuery(b[p + 2] & 0xFF);
                    return 3;
                }
                return 1;
            }
            case 0x1C -> {
                return left < 2 ? INCOMPLETE : 2;
            }
            default -> {
                if (c >= 0x20) {
                    sink.text(b[p]);
                }
            }
        }
        return 1;
    }

    private int esc(byte[] b, int p, int left) {
        char cmd = (char) (b[p + 1] & 0xFF);
        if (cmd == '@') {
            sink.init();
            return 2;
        }
        if (cmd == '2') {
            return 2;
        }
        if ("tEadJ3!-MG{R ".indexOf(cmd) < 0) {
            return 2;
        }
        if (left < 3) {
            return INCOMPLETE;
        }
        int n = b[p + 2] & 0xFF;
        switch (cmd) {
            case 't' -> sink.codePage(n);
            case 'a' -> sink.align(n % 48);
            case 'E' -> sink.bold((n & 1) == 1);
            case 'd' -> sink.lineFeed();
            default -> { }
        }
        return 3;
    }

    private int gs(byte[] b, int p, int left) {
        char cmd = (char) (b[p + 1] & 0xFF);
        switch (cmd) {
            case '!' -> {
                if (left < 3) {
                    return INCOMPLETE;
                }
                int n = b[p + 2] & 0xFF;
                sink.size((n >> 4 & 7) + 1, (n & 7) + 1);
                return 3;
            }
            case 'v' -> {
                return raster(b, p, left);
            }
            case '(' -> {
                return extended(b, p, left);
            }
            case 'V' -> {
                if (left < 3) {
                    return INCOMPLETE;
                }
                int m = b[p + 2] & 0xFF;
                int len = m >= 65 ? 4 : 3;
                if (left < len) {
                    return INCOMPLETE;
                }
                sink.cut();
                return len;
            }
            case 'L', 'W' -> {
                return left < 4 ? INCOMPLETE : 4;
            }
            default -> {
                return left < 3 ? INCOMPLETE : 3;
            }
        }
    }

    private int raster(byte[] b, int p, int left) {
        if (left < 8) {
            return INCOMPLETE;
        }
        int wb = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
        int h = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
        int total = 8 + wb * h;
        if (left < total) {
            return INCOMPLETE;
        }
        if (wb > 0 && h > 0) {
            sink.raster(new BitImage(wb, h, Arrays.copyOfRange(b, p + 8, p + total)));
        }
        return total;
    }

    private int extended(byte[] b, int p, int left) {
        if (left < 5) {
            return INCOMPLETE;
        }
        int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
        int total = 5 + len;
        if (left < total) {
            return INCOMPLETE;
        }
        if (b[p + 2] == 'k' && len >= 3 && b[p + 5] == 49) {
            int fn = b[p + 6] & 0xFF;
            if (fn == EscPos.QR_SIZE) {
                sink.qrModuleSize(b[p + 7] & 0xFF);
            } else if (fn == EscPos.QR_STORE) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                data.write(b, p + 8, len - 3);
                sink.qrStore(data.toByteArray());
            } else if (fn == EscPos.QR_PRINT) {
                sink.qrPrint();
            }
        }
        return total;
    }
}
