package vn.motcua.common.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Reads an I2C address given as an integer (39) or as hex text ("0x27"); default 0x27. */
final class LcdAddress {
    static final int DEFAULT = 0x27;
    private static final Pattern HEX = Pattern.compile("^0[xX][0-9a-fA-F]{1,2}$");
    private static final String MESSAGE = "must be a 7-bit I2C address 0x03..0x77, as an integer or text like \"0x27\"";

    private LcdAddress() {
    }

    static int parse(JsonNode node, String path, HardwareReader reader) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        int value = -1;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            value = node.asInt();
        } else if (node.isTextual() && HEX.matcher(node.asText()).matches()) {
            value = Integer.parseInt(node.asText().substring(2), 16);
        }
        if (value < 0x03 || value > 0x77) {
            reader.error(path, MESSAGE);
            return -1;
        }
        return value;
    }
}
