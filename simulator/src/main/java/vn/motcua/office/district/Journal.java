package vn.motcua.office.district;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where the district stand-in writes down every change it made, so that a restarted office can rebuild its day. */
public interface Journal {
    /** One change: when it happened, what it was ({@code event}, {@code call}, {@code recall}, {@code close}), its data. */
    record Entry(Instant at, String kind, ObjectNode body) {
    }

    /** Writes one change durably, filed under the office's calendar day. */
    void append(LocalDate day, Entry entry);

    /** The changes filed under {@code day}, in the order they were made. */
    List<Entry> day(LocalDate day);
}
