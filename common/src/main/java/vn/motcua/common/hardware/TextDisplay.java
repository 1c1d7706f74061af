package vn.motcua.common.hardware;

import java.util.List;

/** A small text display of a few rows (a character LCD or its simulation). */
public interface TextDisplay {
    /** Replaces the whole display with these lines (missing rows are blank, extra rows are dropped). */
    void show(List<String> lines);

    /** What the display shows now, one string per row. */
    List<String> lines();

    int columns();

    int rows();
}
