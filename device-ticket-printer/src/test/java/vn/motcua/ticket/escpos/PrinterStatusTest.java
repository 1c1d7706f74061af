package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.ticket.printer.PrinterCondition;

class PrinterStatusTest {

    @ParameterizedTest
    @EnumSource(PrinterCondition.class)
    void reads_back_the_condition_a_printer_reports(PrinterCondition condition) {
        int[] a = PrinterStatus.answersFor(condition);
        assertThat(java.util.Arrays.stream(a).boxed()).allMatch(PrinterStatus::isStatusByte);
        assertThat(PrinterStatus.interpret(a[0], a[1], a[2])).isEqualTo(condition);
    }

    @Test
    void maps_the_epson_bits() {
        assertThat(PrinterStatus.interpret(0x16, 0x12, 0x12)).isEqualTo(PrinterCondition.OK);
        assertThat(PrinterStatus.interpret(0x12, 0x12, 0x1E)).isEqualTo(PrinterCondition.PAPER_NEAR_END);
        assertThat(PrinterStatus.interpret(0x12, 0x12, 0x16)).isEqualTo(PrinterCondition.PAPER_NEAR_END);
        assertThat(PrinterStatus.interpret(0x1A, 0x32, 0x7E)).isEqualTo(PrinterCondition.PAPER_OUT);
        assertThat(PrinterStatus.interpret(0x12, 0x12, 0x72)).isEqualTo(PrinterCondition.PAPER_OUT);
        assertThat(PrinterStatus.interpret(0x1A, 0x36, 0x72)).isEqualTo(PrinterCondition.COVER_OPEN);
        assertThat(PrinterStatus.interpret(0x1A, 0x52, 0x12)).isEqualTo(PrinterCondition.OFFLINE);
        assertThat(PrinterStatus.interpret(0x1A, 0x12, 0x12)).isEqualTo(PrinterCondition.OFFLINE);
    }

    @Test
    void recognises_status_bytes_by_their_fixed_bits() {
        assertThat(PrinterStatus.isStatusByte(0x12)).isTrue();
        assertThat(PrinterStatus.isStatusByte(0x7E)).isTrue();
        assertThat(PrinterStatus.isStatusByte(0x00)).isFalse();
        assertThat(PrinterStatus.isStatusByte(0x41)).isFalse();
    }

    @Test
    void only_ok_and_near_end_can_print() {
        assertThat(PrinterCondition.values()).filteredOn(PrinterCondition::canPrint)
                .containsExactly(PrinterCondition.OK, PrinterCondition.PAPER_NEAR_END);
        assertThat(PrinterCondition.fromWire("cover-open")).isEqualTo(PrinterCondition.COVER_OPEN);
    }
}
