package vn.motcua.kiosk.announce;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's call template, e.g. {@code Mời số {ticket} đến quầy {counter}}: fills the known placeholders and
 * leaves unknown ones as they are; makes both the text shown and the form the voice speaks.
 */
public final class AnnouncementTemplate {
    public static final String DEFAULT = "Mời số {ticket} đến quầy {counter}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final String template;

    /** A template from config text; control characters are removed, and null or blank means the default. */
    public AnnouncementTemplate(String template) {
        String clean = template == null ? "" : template.replaceAll("\\p{Cc}", " ").strip();
        this.template = clean.isEmpty() ? DEFAULT : clean;
    }

    public String template() {
        return template;
    }

    /** The template with each {@code {name}} that has a value replaced by it. */
    public String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The call of a ticket to a counter: text as the template gives it, spoken with the ticket spelled out. */
    public Announcement call(String ticket, int counter) {
        String text = fill(Map.of("ticket", ticket, "counter", Integer.toString(counter)));
        String spoken = fill(Map.of("ticket", spokenForm(ticket), "counter", VietnameseNumbers.words(counter)));
        return new Announcement(text, spoken);
    }

    /** A ticket spelled for the voice: letters as they are, digits one by one in words ("A012": "A không một hai"). */
    public static String spokenForm(String ticket) {
        StringBuilder out = new StringBuilder();
        for (char c : ticket.toCharArray()) {
            String word;
            if (c >= '0' && c <= '9') {
                word = VietnameseNumbers.digit(c - '0');
            } else if (Character.isLetter(c)) {
                word = String.valueOf(Character.toUpperCase(c));
            } else {
                continue;
            }
            out.append(out.length() == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }
}
