package vn.motcua.common.hardware.pi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.hardware.LcdText;
import vn.motcua.common.hardware.TextDisplay;

/**
 * A character LCD (HD44780 behind a PCF8574 I2C backpack) showing text folded to ASCII. Only rows that
 * changed are rewritten. An I2C failure reports the component {@value #COMPONENT} as a fault; the next
 * write (or {@link #refresh()}) initialises the display again and reports it ok once that works.
 */
public final class Hd44780Lcd implements TextDisplay {
    public static final String COMPONENT = "lcd";

    private final Hd44780 lcd;
    private final int columns;
    private final int rows;
    private final HealthModel health;
    private List<String> wanted;
    private final String[] onGlass;
    private boolean needsInit = true;
    private boolean faulted;

    public Hd44780Lcd(I2cBus bus, int columns, int rows, HealthModel health) {
        this(bus, columns, rows, health, Hd44780Lcd::sleep);
    }

    Hd44780Lcd(I2cBus bus, int columns, int rows, HealthModel health, Hd44780.Pause pause) {
        this.lcd = new Hd44780(bus, pause);
        this.columns = columns;
        this.rows = rows;
        this.health = health;
        this.wanted = LcdText.render(List.of(), columns, rows);
        this.onGlass = new String[rows];
    }

    @Override
    public synchronized void show(List<String> lines) {
        wanted = LcdText.render(lines, columns, rows);
        update();
    }

    /** Writes the wanted text again after a fault (a no-op while the display is fine). */
    public synchronized void refresh() {
        if (needsInit) {
            update();
        }
    }

    private void update() {
        try {
            if (needsInit) {
                lcd.init();
                java.util.Arrays.fill(onGlass, null);
                needsInit = false;
            }
            for (int row = 0; row < rows; row++) {
                String line = wanted.get(row);
                if (!line.equals(onGlass[row])) {
                    lcd.address(rowAddress(row));
                    lcd.text(line);
                    onGlass[row] = line;
                }
            }
            if (faulted) {
                faulted = false;
                health.report(COMPONENT, ComponentStatus.OK);
            }
        } catch (IOException e) {
            needsInit = true;
            if (!faulted) {
                faulted = true;
                Logger.warn("LCD write failed ({}); it will be initialised again at the next update", e.getMessage());
                health.report(COMPONENT, ComponentStatus.fault("i2c-error"));
            }
        }
    }

    /** DDRAM address of a row's first column: rows 3 and 4 continue rows 1 and 2 (0x14/0x54 on a 20-column LCD). */
    int rowAddress(int row) {
        int base = (row % 2 == 0) ? 0x00 : 0x40;
        return base + (row >= 2 ? columns : 0);
    }

    @Override
    public synchronized List<String> lines() {
        return new ArrayList<>(wanted);
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
