package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrinterProfilesTest {

    @Test
    void bundles_the_supported_models() {
        PrinterProfiles profiles = PrinterProfiles.bundled();
        assertThat(profiles.get("xprinter-58")).satisfies(p -> {
            assertThat(p.paperDots()).isEqualTo(384);
            assertThat(p.columns()).isEqualTo(32);
            assertThat(p.mode()).isEqualTo(PrintMode.RASTER);
        });
        assertThat(profiles.get("xprinter-80").paperDots()).isEqualTo(576);
        assertThat(profiles.get("epson-tm-t20").columns()).isEqualTo(48);
        assertThat(profiles.get("epson-tm-t82")).satisfies(p -> {
            assertThat(p.vietnameseCodePage()).hasValue(52);
            assertThat(p.mode()).isEqualTo(PrintMode.CODEPAGE);
        });
    }

    @Test
    void names_the_known_models_when_one_is_unknown() {
        assertThatThrownBy(() -> PrinterProfiles.bundled().get("star-tsp100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xprinter-80");
    }

    @Test
    void refuses_code_page_mode_without_a_vietnamese_page() {
        String json = "{\"profiles\":[{\"id\":\"x\",\"paperDots\":384,\"columns\":32,\"vietnameseCodePage\":null,"
                + "\"mode\":\"codepage\",\"nativeQr\":true,\"cut\":\"full\"}]}";
        assertThatThrownBy(() -> PrinterProfiles.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codepage mode needs");
    }

    @Test
    void a_model_with_the_vietnamese_page_can_also_be_driven_in_raster_mode() {
        PrinterProfile raster = PrinterProfiles.bundled().get("epson-tm-t82").withMode(PrintMode.RASTER);
        byte[] bytes = new TicketLayout(raster).render(Tickets.typical().build());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("\u001Bt4");
    }
}
