package vn.motcua.common.hardware.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.motcua.common.hardware.LcdText;
import vn.motcua.common.hardware.TextDisplay;

/**
 * A simulated text display: keeps the lines as shown, Vietnamese intact and at most its columns wide (for
 * /sim/display), or in LCD mode what a character LCD of this size would show (folded to ASCII, cut and padded to the
 * width). Presenters lay their screens out with {@link vn.motcua.common.hardware.PagedDisplay}, so nothing is cut.
 */
public final class SimDisplay implements TextDisplay {
    private final int columns;
    private final int rows;
    private final boolean asLcd;
    private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();
    private List<String> lines;

    public SimDisplay(int columns, int rows, boolean asLcd) {
        this.columns = columns;
        this.rows = rows;
        this.asLcd = asLcd;
        this.lines = asLcd ? LcdText.render(List.of(), columns, rows) : List.of();
    }

    @Override
    public void show(List<String> newLines) {
        List<String> shown;
        synchronized (this) {
            if (asLcd) {
                lines = LcdText.render(newLines, columns, rows);
            } else {
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < Math.min(rows, newLines.size()); i++) {
                    kept.add(LcdText.clip(newLines.get(i), columns));
                }
                lines = List.copyOf(kept);
            }
            shown = lines;
        }
        listeners.forEach(l -> l.accept(shown));
    }

    /** Hears every change of the display's lines (the simulator's web panel), on the showing thread. */
    public void addListener(Consumer<List<String>> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
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
