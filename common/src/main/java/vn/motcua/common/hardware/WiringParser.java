package vn.motcua.common.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the common part of the identity's hardware block into a {@link HardwareWiring}, every error to a reader. */
final class WiringParser {
    private static final String ROOT = "hardware";
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$");
    private static final int MAX_PIN = 27;
    private static final int MAX_DEBOUNCE = 1000;
    /** The keys of the block this parser reads; a kind's model adds its own. */
    static final Set<String> FIELDS = Set.of("profile", "buttons", "leds", "debounceMillis", "lcd");
    private static final Set<String> LCD_FIELDS = Set.of("bus", "address", "columns", "rows");

    private final HardwareReader reader;

    WiringParser(HardwareReader reader) {
        this.reader = reader;
    }

    /** The wiring, or empty when the reader got an error for it. */
    Optional<HardwareWiring> parse(JsonNode hardware) {
        if (hardware == null || !hardware.isObject()) {
            reader.error(ROOT, "must be an object");
            return Optional.empty();
        }
        int before = reader.errors().size();
        HardwareWiring.Profile profile = profile(hardware.get("profile"));
        boolean sim = profile == HardwareWiring.Profile.SIM;
        Map<String, Integer> buttons = pins(hardware.get("buttons"), "buttons", sim);
        Map<String, Integer> leds = pins(hardware.get("leds"), "leds", sim);
        int debounce = debounce(hardware.get("debounceMillis"));
        Optional<HardwareWiring.Lcd> lcd = lcd(hardware.get("lcd"));
        checkConflicts(buttons, leds, lcd);
        if (reader.errors().size() != before) {
            return Optional.empty();
        }
        if (sim && !PinAssigner.assign(buttons, leds)) {
            reader.error(ROOT, "not enough free GPIO pins to simulate every button and LED");
            return Optional.empty();
        }
        return Optional.of(new HardwareWiring(profile, buttons, leds, debounce, lcd));
    }

    private HardwareWiring.Profile profile(JsonNode node) {
        if (node != null && node.isTextual()) {
            switch (node.asText()) {
                case "pi":
                    return HardwareWiring.Profile.PI;
                case "sim":
                    return HardwareWiring.Profile.SIM;
                default:
                    break;
            }
        }
        reader.error(ROOT + ".profile", "must be \"pi\" or \"sim\"");
        return null;
    }

    private Map<String, Integer> pins(JsonNode node, String field, boolean sim) {
        Map<String, Integer> pins = new LinkedHashMap<>();
        String path = ROOT + "." + field;
        if (node == null || node.isNull()) {
            return pins;
        }
        if (sim && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode name = node.get(i);
                if (name.isTextual() && NAME.matcher(name.asText()).matches() && !pins.containsKey(name.asText())) {
                    pins.put(name.asText(), null);
                } else {
                    reader.error(path + "[" + i + "]", "must be a distinct name of letters, digits and '-'");
                }
            }
            return pins;
        }
        if (!node.isObject()) {
            reader.error(path, "must be an object of name -> BCM pin");
            return pins;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String entryPath = path + "." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches()) {
                reader.error(entryPath, "name must be 1-32 letters, digits, '-' or '_'");
                continue;
            }
            JsonNode pin = e.getValue();
            if (sim && pin.isNull()) {
                pins.put(e.getKey(), null);
            } else if (pin.isIntegralNumber() && pin.canConvertToInt() && pin.asInt() >= 0 && pin.asInt() <= MAX_PIN) {
                pins.put(e.getKey(), pin.asInt());
            } else {
                reader.error(entryPath, "pin must be an integer 0.." + MAX_PIN);
            }
        }
        return pins;
    }

    private int debounce(JsonNode node) {
        return reader.integer(node, ROOT + ".debounceMillis", HardwareWiring.DEFAULT_DEBOUNCE_MILLIS, 0, MAX_DEBOUNCE);
    }

    private Optional<HardwareWiring.Lcd> lcd(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String path = ROOT + ".lcd";
        if (!node.isObject()) {
            reader.error(path, "must be an object {bus, address, columns, rows}");
            return Optional.empty();
        }
        int before = reader.errors().size();
        reader.onlyKnown(node, path, LCD_FIELDS);
        int bus = reader.integer(node.get("bus"), path + ".bus", 1, 0, 31);
        int address = LcdAddress.parse(node.get("address"), path + ".address", reader);
        int columns = reader.oneOf(node.get("columns"), 16, 20, path + ".columns");
        int rows = reader.oneOf(node.get("rows"), 2, 4, path + ".rows");
        return reader.errors().size() == before ? Optional.of(new HardwareWiring.Lcd(bus, address, columns, rows)) : Optional.empty();
    }

    private void checkConflicts(Map<String, Integer> buttons, Map<String, Integer> leds,
                                Optional<HardwareWiring.Lcd> lcd) {
        Map<Integer, String> owner = new LinkedHashMap<>();
        if (lcd.isPresent() && lcd.get().bus() == 1) {
            owner.put(2, "I2C bus 1 (SDA) of the LCD");
            owner.put(3, "I2C bus 1 (SCL) of the LCD");
        }
        claim(buttons, "buttons", owner);
        claim(leds, "leds", owner);
    }

    private void claim(Map<String, Integer> pins, String field, Map<Integer, String> owner) {
        for (Map.Entry<String, Integer> e : pins.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String path = ROOT + "." + field + "." + e.getKey();
            String previous = owner.putIfAbsent(e.getValue(), path);
            if (previous != null) {
                reader.error(path, "pin " + e.getValue() + " is already used by " + previous);
            }
        }
    }
}
