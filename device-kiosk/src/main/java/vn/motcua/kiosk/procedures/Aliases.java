package vn.motcua.kiosk.procedures;

import java.util.Map;

/** Everyday names citizens type for procedures, rewritten to the official words (all folded). */
final class Aliases {
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("so do", "giay chung nhan quyen su dung dat"),
            Map.entry("so hong", "giay chung nhan quyen su dung dat quyen so huu nha o"),
            Map.entry("cmnd", "can cuoc"),
            Map.entry("cccd", "can cuoc"),
            Map.entry("chung minh nhan dan", "can cuoc"),
            Map.entry("can cuoc cong dan", "can cuoc"),
            Map.entry("gpxd", "giay phep xay dung"),
            Map.entry("hkd", "ho kinh doanh"),
            Map.entry("ho khau", "thuong tru"),
            Map.entry("cong chung", "chung thuc"),
            Map.entry("bhyt", "bao hiem y te"),
            Map.entry("doc than", "tinh trang hon nhan"),
            Map.entry("sang ten", "chuyen nhuong"),
            Map.entry("cap phep", "cap giay phep"),
            Map.entry("xay nha", "xay dung nha o"),
            Map.entry("giay khai sinh", "khai sinh"),
            Map.entry("giay khai tu", "khai tu"));

    private Aliases() {
    }

    /** The folded query with every alias phrase, as whole words, replaced by its official words. */
    static String expand(String folded) {
        String padded = " " + folded + " ";
        for (Map.Entry<String, String> e : PHRASES.entrySet()) {
            String from = " " + e.getKey() + " ";
            if (padded.contains(from)) {
                padded = padded.replace(from, " " + e.getValue() + " ");
            }
        }
        return padded.strip();
    }
}
