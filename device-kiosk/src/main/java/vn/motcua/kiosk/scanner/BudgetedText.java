package vn.motcua.kiosk.scanner;

/** A text that a regular expression may read only so many characters of, to bound backtracking. */
final class BudgetedText implements CharSequence {
    /** Thrown when the reads allowed are used up. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("character budget exhausted", null, false, false);
        }
    }

    private final String text;
    private final int[] budget;

    BudgetedText(String text, int budget) {
        this(text, new int[] {budget});
    }

    private BudgetedText(String text, int[] budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
