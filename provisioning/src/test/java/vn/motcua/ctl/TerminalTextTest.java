package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;

/** Broker text reaches the technician's terminal without anything the terminal would act on (issue 11 item 8). */
class TerminalTextTest {
    private static final String R = "motcua/v1/hoang-mai/dinh-cong/";
    private static final String ESC = "\u001B";
    private final OfficeView view = new OfficeView("hoang-mai/dinh-cong");

    private List<String> accept(String topic, String payload, boolean json) {
        return view.accept(R + topic, payload.getBytes(StandardCharsets.UTF_8), json);
    }

    private static void assertNoControls(String line) {
        assertThat(line.chars()).as(line).noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    @Test
    void escape_sequences_are_removed_whole_and_vietnamese_is_kept() {
        assertThat(TerminalText.clean("Phường " + ESC + "[31;1mĐịnh Công" + ESC + "[0m")).isEqualTo("Phường Định Công");
        assertThat(TerminalText.clean("a" + ESC + "]0;pwned title" + "\u0007" + "b")).isEqualTo("ab");
        assertThat(TerminalText.clean("a" + ESC + "]8;;http://evil/" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\b")).isEqualTo("alinkb");
        assertThat(TerminalText.clean("a\u009B2Jb\u009D0;x\u009Cc")).isEqualTo("abc");
        assertThat(TerminalText.clean("a" + ESC + "cb" + ESC + "(Bc" + ESC + "P1$qm" + ESC + "\\d")).isEqualTo("abcd");
        assertThat(TerminalText.clean("one\ntwo\r\tthree\u0000\u0008\u007F\u0085!")).isEqualTo("one two  three !");
        assertThat(TerminalText.clean("abc\u202Eevil\u2066x")).isEqualTo("abcevilx");
        assertThat(TerminalText.clean("Quầy số 5 — Sở Tư pháp, ưu tiên: người cao tuổi")).isEqualTo("Quầy số 5 — Sở Tư pháp, ưu tiên: người cao tuổi");
        assertThat(TerminalText.clean("trailing" + ESC)).isEqualTo("trailing");
    }

    @Test
    void an_event_state_topic_and_table_from_the_broker_print_no_control_characters() {
        String evil = ESC + "]0;owned" + "\u0007" + ESC + "[2J\u009B31m\r\nFAKE LINE";
        List<String> lines = new java.util.ArrayList<>();
        lines.addAll(accept("tp-01/event/ticket/issued", "{\"seq\":1,\"type\":\"ticket.issued" + evil.replace("\u0007", "\\u0007")
                .replace(ESC, "\\u001b").replace("\r", "\\r").replace("\n", "\\n") + "\",\"ts\":\"t\",\"data\":{\"ticket\":\"A\u009B1m\"}}", false));
        lines.addAll(accept("tp-01/state", "{\"status\":\"online\\u001b[5m\",\"kind\":\"k\\u001b]2;x\\u0007\",\"version\":\"Phiên bản\u009b7m\",\"session\":1}", false));
        lines.addAll(accept("tp-01/other" + ESC + "[8m", "text " + evil, false));
        lines.addAll(view.table());
        assertThat(lines).isNotEmpty().allSatisfy(TerminalTextTest::assertNoControls);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ticket.issued").contains("FAKE LINE #1"))
                .anySatisfy(l -> assertThat(l).contains("Phiên bản"));
    }

    @Test
    void json_lines_keep_the_text_but_escape_every_control() throws Exception {
        String payload = "{\"counter\":5,\"ticket\":\"A\u009B2J\u007F\u202E\",\"note\":\"Đã gọi\\u001b[1m\"}";
        List<String> lines = accept("serving/5", payload, true);
        assertThat(lines).hasSize(1).allSatisfy(TerminalTextTest::assertNoControls);
        JsonNode line = Json.parse(lines.get(0));
        assertThat(line.path("payload").path("ticket").asText()).isEqualTo("A\u009B2J\u007F\u202E");
        assertThat(line.path("payload").path("note").asText()).isEqualTo("Đã gọi\u001b[1m");
        assertThat(lines.get(0)).contains("Đã gọi").doesNotContain("\u202E");
    }
}
