package vn.motcua.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DossierCodesTest {

    @Test
    void accepts_district_dossier_codes_with_the_default_pattern() {
        assertThat(DossierCodes.validate("000.00.25.H29-251120-0001", DossierCodes.DEFAULT_PATTERN)).isTrue();
        assertThat(DossierCodes.validate("ABC123", DossierCodes.DEFAULT_PATTERN)).isTrue();
    }

    @Test
    void rejects_anything_else_with_the_default_pattern() {
        assertThat(DossierCodes.validate("abc123", DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate("AB12", DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate("A".repeat(41), DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate("ABC 123", DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate("https://evil.example/ABC123", DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate("", DossierCodes.DEFAULT_PATTERN)).isFalse();
        assertThat(DossierCodes.validate(null, DossierCodes.DEFAULT_PATTERN)).isFalse();
    }

    @Test
    void requires_the_whole_code_to_match_an_unanchored_config_pattern() {
        Pattern configured = DossierCodes.compile("[0-9]{6}");

        assertThat(DossierCodes.validate("123456", configured)).isTrue();
        assertThat(DossierCodes.validate("X123456", configured)).isFalse();
    }

    @Test
    void uses_the_default_pattern_when_the_config_has_none() {
        assertThat(DossierCodes.compile(null)).isSameAs(DossierCodes.DEFAULT_PATTERN);
        assertThat(DossierCodes.compile(" ")).isSameAs(DossierCodes.DEFAULT_PATTERN);
    }

    @Test
    void gives_up_on_a_catastrophically_backtracking_pattern() {
        Pattern evil = Pattern.compile("^(A+)+$");

        assertThat(DossierCodes.validate("A".repeat(40) + "!", evil)).isFalse();
        assertThat(DossierCodes.validate("AAAA", evil)).isTrue();
    }
}
