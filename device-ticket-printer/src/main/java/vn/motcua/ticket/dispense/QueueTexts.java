package vn.motcua.ticket.dispense;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.ticket.queue.QueueReport;

/** The ticket's lines about the queue: the people ahead and the estimated wait, in the config's locale. */
final class QueueTexts {
    private QueueTexts() {
    }

    static List<String> lines(QueueReport queue, String locale) {
        boolean en = "en".equals(locale);
        List<String> lines = new ArrayList<>();
        lines.add(en ? "People ahead of you: " + queue.waiting() : "Trước quý khách còn " + queue.waiting() + " người");
        queue.waitMinutes().ifPresent(m -> lines.add(en
                ? "Estimated wait: about " + m + (m == 1 ? " minute" : " minutes")
                : "Thời gian chờ dự kiến: khoảng " + m + " phút"));
        return lines;
    }
}
