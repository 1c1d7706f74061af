package vn.motcua.kiosk.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.dossier.DossierAnswer.Result;
import vn.motcua.kiosk.testing.FakeLink;

class DossierLookupTest {
    private static final String CODE = "000.30.25.H29-261120-0022";
    private static final String RESPONSES = "motcua/v1/hoang-mai/dinh-cong/ks-01/dossier/response";

    private final FakeLink link = new FakeLink();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<DossierAnswer> answers = new CopyOnWriteArrayList<>();
    private final DossierLookup lookup = new DossierLookup(DossierRoute.of("ks-01", "motcua/v1/hoang-mai/dinh-cong", "motcua/v1/hoang-mai/dinh-cong/ks-01"), link, scheduler, answers::add);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private JsonNode request() throws Exception {
        return Json.parse(link.published().get(0).payload());
    }

    @Test
    void publishes_a_valid_code_once_with_a_fresh_request_id_at_qos_1() throws Exception {
        lookup.start();
        lookup.lookUp(CODE);

        assertThat(link.published()).singleElement().satisfies(p -> {
            assertThat(p.topic()).isEqualTo("motcua/v1/hoang-mai/dinh-cong/dossier/request");
            assertThat(p.qos()).isEqualTo(1);
            assertThat(p.retained()).isFalse();
        });
        assertThat(request().path("deviceId").asText()).isEqualTo("ks-01");
        assertThat(request().path("code").asText()).isEqualTo(CODE);
        assertThat(request().path("requestId").asText()).hasSize(36);
        assertThat(answers).extracting(DossierAnswer::result).containsExactly(Result.PENDING);
    }

    @Test
    void shows_the_answer_to_its_own_request_and_ignores_others_and_garbage() throws Exception {
        lookup.start();
        lookup.lookUp(CODE);
        String id = request().path("requestId").asText();

        link.deliver(RESPONSES, RESPONSES, "\u0000garbage");
        link.deliver(RESPONSES, RESPONSES, "{\"requestId\":\"someone-else\",\"found\":true}");
        link.deliver(RESPONSES, RESPONSES, "{\"requestId\":\"" + id + "\",\"code\":\"" + CODE
                + "\",\"found\":true,\"status\":\"ready\",\"statusText\":\"Đã có kết quả\\u0007\"}");
        link.deliver(RESPONSES, RESPONSES, "{\"requestId\":\"" + id + "\",\"found\":false}");

        assertThat(answers).extracting(DossierAnswer::result).containsExactly(Result.PENDING, Result.FOUND);
        assertThat(answers.get(1).statusText()).isEqualTo("Đã có kết quả");
        assertThat(lookup.waiting()).isZero();
    }

    @Test
    void never_sends_a_code_that_does_not_match_the_pattern() {
        lookup.setPattern(Pattern.compile("^[0-9]{8}$"));

        lookup.lookUp(CODE);
        lookup.lookUp("");

        assertThat(link.published()).isEmpty();
        assertThat(answers).extracting(DossierAnswer::result).containsExactly(Result.INVALID, Result.INVALID);
    }

    @Test
    void answers_unavailable_at_once_when_mqtt_is_offline() {
        link.setOnline(false);

        lookup.lookUp(CODE);

        assertThat(answers).extracting(DossierAnswer::result).containsExactly(Result.PENDING, Result.UNAVAILABLE);
        assertThat(lookup.waiting()).isZero();
    }
}
