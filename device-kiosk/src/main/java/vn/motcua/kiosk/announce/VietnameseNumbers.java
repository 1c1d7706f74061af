package vn.motcua.kiosk.announce;

/** Vietnamese words for digits and small numbers, as a caller says them in the hall. */
public final class VietnameseNumbers {
    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

    private VietnameseNumbers() {
    }

    /** The word of one digit 0-9. */
    public static String digit(int d) {
        return DIGITS[d];
    }

    /** The number in words for 0-999 (e.g. 21: "hai mươi mốt", 105: "một trăm linh năm"), else digit by digit. */
    public static String words(int n) {
        if (n < 0 || n > 999) {
            StringBuilder out = new StringBuilder();
            for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
                out.append(out.length() == 0 ? "" : " ").append(DIGITS[c - '0']);
            }
            return n < 0 ? "âm " + out : out.toString();
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 100) {
            int tens = n / 10;
            int units = n % 10;
            String head = tens == 1 ? "mười" : DIGITS[tens] + " mươi";
            if (units == 0) {
                return head;
            }
            String unit = units == 5 ? "lăm" : units == 1 && tens > 1 ? "mốt" : DIGITS[units];
            return head + " " + unit;
        }
        int rest = n % 100;
        String head = DIGITS[n / 100] + " trăm";
        if (rest == 0) {
            return head;
        }
        return head + (rest < 10 ? " linh " + DIGITS[rest] : " " + words(rest));
    }
}
