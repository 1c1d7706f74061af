package vn.motcua.common.hardware.pi;

import java.util.List;
import vn.motcua.common.hardware.LcdText;
import vn.motcua.common.hardware.TextDisplay;

/** An LCD that may open later: the wanted text is kept and shown once {@link #attach} gives the real display. */
final class LateDisplay implements TextDisplay {
    private final int columns;
    private final int rows;
    private List<String> wanted = List.of();
    private TextDisplay real;

    LateDisplay(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    synchronized void attach(TextDisplay display) {
        real = display;
        display.show(wanted);
    }

    @Override
    public synchronized void show(List<String> lines) {
        wanted = List.copyOf(lines);
        if (real != null) {
            real.show(lines);
        }
    }

    @Override
    public synchronized List<String> lines() {
        return real != null ? real.lines() : LcdText.render(wanted, columns, rows);
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }
}
