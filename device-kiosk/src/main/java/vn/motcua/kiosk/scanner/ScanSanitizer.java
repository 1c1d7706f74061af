package vn.motcua.kiosk.scanner;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw bytes of a reader into candidate codes: lines end at CR or LF; control, binary and other
 * unprintable bytes are dropped; a line over 128 bytes is discarded up to its terminator and reported as overlong.
 * Keeps the unfinished line between calls; one instance per reader, used from one thread.
 */
public final class ScanSanitizer {
    public static final int MAX_LINE_BYTES = 128;

    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int length;
    private boolean overflow;

    /** Feeds bytes as they arrived; returns the lines they completed, in order (blank lines yield nothing). */
    public List<ScanResult> feed(byte[] data, int offset, int count) {
        List<ScanResult> results = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                finish().ifPresent(results::add);
            } else if (overflow) {
                continue;
            } else if (length == MAX_LINE_BYTES) {
                overflow = true;
            } else {
                line[length++] = b;
            }
        }
        return results;
    }

    public List<ScanResult> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Whether an unfinished line is waiting for its terminator. */
    public boolean pending() {
        return length > 0 || overflow;
    }

    /** Ends the unfinished line as if its terminator had come (for readers that send none, after a pause). */
    public Optional<ScanResult> flush() {
        return finish();
    }

    private Optional<ScanResult> finish() {
        try {
            if (overflow) {
                return Optional.of(ScanResult.invalid(ScanResult.OVERLONG));
            }
            if (length == 0) {
                return Optional.empty();
            }
            return clean();
        } finally {
            length = 0;
            overflow = false;
        }
    }

    private Optional<ScanResult> clean() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String decoded;
        try {
            decoded = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(ScanResult.invalid(ScanResult.GARBAGE));
        }
        StringBuilder kept = new StringBuilder(decoded.length());
        int dropped = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (printable(c)) {
                kept.append(c);
            } else {
                dropped++;
            }
        }
        String code = kept.toString().strip();
        if (dropped > kept.length() || (code.isEmpty() && dropped > 0)) {
            return Optional.of(ScanResult.invalid(ScanResult.GARBAGE));
        }
        return code.isEmpty() ? Optional.empty() : Optional.of(ScanResult.code(code));
    }

    private static boolean printable(char c) {
        if (c == '\uFFFD' || Character.isISOControl(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE, Character.FORMAT,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
