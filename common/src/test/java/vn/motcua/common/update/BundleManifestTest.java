package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleManifestTest {
    private static final String HASH = "a".repeat(64);

    private static BundleManifest parse(String json) throws BundleException {
        return BundleManifest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_back_what_it_writes_in_a_fixed_order() throws Exception {
        BundleManifest m = new BundleManifest(1, "kiosk", "0.2.0",
                Map.of("VERSION", HASH, "lib/z.jar", HASH, "device-kiosk.jar", HASH));

        String json = new String(m.toJson(), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"format\":1,\"kind\":\"kiosk\",\"version\":\"0.2.0\",\"files\":{\"VERSION\":");
        assertThat(BundleManifest.parse(m.toJson())).isEqualTo(m);
    }

    @Test
    void names_the_field_that_is_wrong() {
        String files = ",\"files\":{\"device-kiosk.jar\":\"" + HASH + "\",\"VERSION\":\"" + HASH + "\"}}";
        assertMalformed("{\"format\":2,\"kind\":\"kiosk\",\"version\":\"0.2.0\"" + files, "format 2");
        assertMalformed("{\"format\":1,\"kind\":\"toaster\",\"version\":\"0.2.0\"" + files, "kind 'toaster'");
        assertMalformed("{\"format\":1,\"kind\":\"kiosk\",\"version\":\"0 2\"" + files, "version '0 2'");
        assertMalformed("{\"format\":1,\"kind\":\"kiosk\",\"version\":\"0.2.0\",\"extra\":1" + files, "unknown field 'extra'");
        assertMalformed("{\"format\":1,\"kind\":\"kiosk\",\"version\":\"0.2.0\",\"files\":{\"VERSION\":\"" + HASH + "\"}}",
                "does not list device-kiosk.jar");
        assertMalformed("{\"format\":1,\"kind\":\"kiosk\",\"version\":\"0.2.0\",\"files\":{\"device-kiosk.jar\":\"XYZ\",\"VERSION\":\""
                + HASH + "\"}}", "files['device-kiosk.jar'] is not a lowercase SHA-256");
        assertMalformed("[1]", "not a JSON object");
        assertMalformed("{\"format\":1", "not valid JSON");
    }

    @Test
    void refuses_paths_that_could_leave_the_release_directory() {
        assertThat(BundleManifest.pathProblem("lib/common-0.1.0.jar")).isNull();
        assertThat(BundleManifest.pathProblem("../x")).contains("'..' segment");
        assertThat(BundleManifest.pathProblem("lib/../../x")).contains("'..' segment");
        assertThat(BundleManifest.pathProblem("./x")).contains("'.' segment");
        assertThat(BundleManifest.pathProblem("/etc/passwd")).contains("not a relative");
        assertThat(BundleManifest.pathProblem("lib\\x.jar")).contains("not a relative");
        assertThat(BundleManifest.pathProblem("lib//x.jar")).contains("empty segment");
        assertThat(BundleManifest.pathProblem("lib/")).contains("empty segment");
        assertThat(BundleManifest.pathProblem("manifest.json")).contains("reserved");
    }

    private static void assertMalformed(String json, String messagePart) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(BundleException.class, e -> {
            assertThat(e.reason()).isEqualTo(Refusal.MALFORMED);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
