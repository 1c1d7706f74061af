package vn.motcua.kiosk.scanner;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tinylog.Logger;

/** Decides whether a scanned text is a dossier code the kiosk may send to the district (SPEC section 10). */
public final class DossierCodes {
    public static final String DEFAULT_REGEX = "^[A-Z0-9.-]{6,40}$";
    public static final Pattern DEFAULT_PATTERN = Pattern.compile(DEFAULT_REGEX);
    static final int MAX_CODE_CHARS = ScanSanitizer.MAX_LINE_BYTES;
    static final int MATCH_STEP_BUDGET = 200_000;

    private DossierCodes() {
    }

    /** The config's {@code dossierCodePattern}, or the default one when it is null or blank. */
    public static Pattern compile(String regex) throws PatternSyntaxException {
        return regex == null || regex.isBlank() ? DEFAULT_PATTERN : Pattern.compile(regex);
    }

    /**
     * Whether the whole code matches the pattern. A null or overlong code never does, and neither does one the
     * pattern cannot decide within a fixed budget of steps (a catastrophically backtracking config pattern).
     */
    public static boolean validate(String code, Pattern pattern) {
        if (code == null || code.length() > MAX_CODE_CHARS) {
            return false;
        }
        try {
            return pattern.matcher(new BudgetedText(code, MATCH_STEP_BUDGET)).matches();
        } catch (BudgetedText.Exhausted e) {
            Logger.warn("dossier code pattern {} took too long on a {}-character code; treating it as invalid",
                    pattern.pattern(), code.length());
            return false;
        }
    }
}
