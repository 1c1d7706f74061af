package vn.motcua.kiosk.procedures;

/**
 * Damerau-Levenshtein distance (optimal string alignment) with an early exit past a limit. An instance reuses its
 * row buffers, so it is meant for one thread, one query at a time.
 */
final class EditDistance {
    private int[] prev2 = new int[16];
    private int[] prev = new int[16];
    private int[] cur = new int[16];

    /** The distance between a and b, or {@code limit + 1} as soon as it is known to exceed limit. */
    int within(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        if (cur.length <= m) {
            prev2 = new int[m + 1];
            prev = new int[m + 1];
            cur = new int[m + 1];
        }
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
