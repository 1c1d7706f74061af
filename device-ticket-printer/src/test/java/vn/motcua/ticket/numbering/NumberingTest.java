package vn.motcua.ticket.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.support.LedgerRig;

class NumberingTest {
    private static final LocalTime SIX = LocalTime.of(6, 0);
    private final MutableClock clock = new MutableClock(at(2026, 11, 23, 8, 0));
    private final LedgerRig rig = new LedgerRig(clock);
    private final Numbering numbering = new Numbering(rig.ledger, clock, LedgerRig.HANOI);
    private final Service a = new Service("A", "Hộ tịch", "A", 1, 999, false);
    private final Service b = new Service("B", "Đất đai", "B", 1, 3, false);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void issues_A001_onward_gapless_and_separately_per_service() {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tickets.add(text(numbering.allocate(a, SIX)));
        }
        tickets.add(text(numbering.allocate(b, SIX)));
        tickets.add(text(numbering.allocate(a, SIX)));
        assertThat(tickets).containsExactly("A001", "A002", "A003", "B001", "A004");
    }

    @Test
    void records_ticket_issued_with_the_contract_fields_in_the_same_transaction() {
        numbering.allocate(a, SIX);
        assertThat(rig.data("ticket.issued")).singleElement().hasToString(
                "{\"ticket\":\"A001\",\"service\":\"A\",\"number\":1,\"priority\":false,\"businessDay\":\"2026-11-23\"}");
        int last = rig.ledger.read(v -> v.lastNumber("A", v.latestDay().orElseThrow()).getAsInt());
        assertThat(last).isEqualTo(1);
    }

    @Test
    void pads_to_four_digits_when_the_range_goes_past_999() {
        Service big = new Service("C", "Tư pháp", "C", 1, 2000, false);
        assertThat(text(numbering.allocate(big, SIX))).isEqualTo("C0001");
        assertThat(text(numbering.allocate(new Service("D", "Khác", "D", 998, 999, false), SIX))).isEqualTo("D998");
    }

    @Test
    void starts_each_business_day_at_business_day_start_in_office_time() {
        clock.set(at(2026, 11, 24, 5, 59));
        Allocation.Issued late = (Allocation.Issued) numbering.allocate(a, SIX);
        clock.set(at(2026, 11, 24, 6, 0));
        Allocation.Issued early = (Allocation.Issued) numbering.allocate(a, SIX);
        assertThat(late.ticket().businessDay()).hasToString("2026-11-23");
        assertThat(early.ticket().businessDay()).hasToString("2026-11-24");
        assertThat(early.ticket().text()).isEqualTo("A001");
    }

    @Test
    void a_clock_set_back_keeps_the_later_day_and_never_repeats_a_number() {
        clock.set(at(2026, 11, 24, 8, 0));
        numbering.allocate(a, SIX);
        numbering.allocate(a, SIX);
        clock.set(at(2026, 11, 23, 10, 0));
        Allocation.Issued after = (Allocation.Issued) numbering.allocate(a, SIX);
        assertThat(after.ticket().text()).isEqualTo("A003");
        assertThat(after.ticket().businessDay()).hasToString("2026-11-24");
        assertThat(numbering.today(SIX)).hasToString("2026-11-24");
        assertThat(rig.data("ticket.issued")).extracting(d -> d.get("ticket").asText()).doesNotHaveDuplicates();
    }

    @Test
    void range_1_to_3_gives_B001_to_B003_then_refuses_range_exhausted() {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tickets.add(text(numbering.allocate(b, SIX)));
        }
        Allocation fourth = numbering.allocate(b, SIX);
        assertThat(tickets).containsExactly("B001", "B002", "B003");
        assertThat(fourth).isEqualTo(new Allocation.Refused("B", "range-exhausted"));
        assertThat(rig.data("ticket.refused")).singleElement()
                .hasToString("{\"service\":\"B\",\"reason\":\"range-exhausted\"}");
        Map<String, Integer> refusals = rig.ledger.read(v -> v.refusals(numbering.today(SIX)));
        assertThat(refusals).containsEntry("range-exhausted", 1);
    }

    @Test
    void marks_priority_services_in_the_event() {
        Service p = new Service("P", "Ưu tiên", "C", 1, 999, true);
        Allocation.Issued issued = (Allocation.Issued) numbering.allocate(p, SIX);
        assertThat(issued.ticket().priority()).isTrue();
        assertThat(rig.data("ticket.issued").get(0).get("priority").asBoolean()).isTrue();
    }

    @Test
    void a_voided_number_is_never_reused() {
        Allocation.Issued first = (Allocation.Issued) numbering.allocate(a, SIX);
        numbering.voided(first.ticket(), "paper-out");
        assertThat(text(numbering.allocate(a, SIX))).isEqualTo("A002");
        assertThat(rig.data("ticket.voided")).singleElement().hasToString("{\"ticket\":\"A001\",\"reason\":\"paper-out\"}");
        Map<String, Integer> counts = rig.ledger.read(v -> v.issuedCounts(numbering.today(SIX)));
        assertThat(counts).containsEntry("A", 1);
    }

    @Test
    void the_throttle_ignores_and_counts_presses_inside_the_minimum_interval() {
        PressThrottle throttle = new PressThrottle(clock);
        assertThat(throttle.admit(1500)).isTrue();
        throttle.ticketIssued();
        clock.advance(Duration.ofMillis(1499));
        assertThat(throttle.admit(1500)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.admit(1500)).isTrue();
        throttle.ignore();
        assertThat(throttle.ignoredPresses()).isEqualTo(2);
    }

    @Test
    void the_throttle_does_not_block_when_the_clock_is_set_back() {
        PressThrottle throttle = new PressThrottle(clock);
        throttle.ticketIssued();
        clock.advance(Duration.ofHours(-1));
        assertThat(throttle.admit(1500)).isTrue();
    }

    private static String text(Allocation allocation) {
        return ((Allocation.Issued) allocation).ticket().text();
    }

    private static Instant at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, LedgerRig.HANOI).toInstant();
    }
}
