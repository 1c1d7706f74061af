package vn.motcua.office.district;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficeTopicsTest {
    private final OfficeTopics topics = new OfficeTopics("hoang-mai/dinh-cong");

    @Test
    void a_device_topic_names_the_device_and_the_levels_below_its_root() {
        assertThat(topics.device("motcua/v1/hoang-mai/dinh-cong/tp-01/event/ticket/issued"))
                .contains(new OfficeTopics.DeviceTopic("tp-01", "event/ticket/issued"));
        assertThat(topics.device("motcua/v1/hoang-mai/dinh-cong/pad-5/state"))
                .contains(new OfficeTopics.DeviceTopic("pad-5", "state"));
    }

    @Test
    void the_districts_own_topics_are_not_device_topics() {
        assertThat(topics.device(topics.serving(5))).isEmpty();
        assertThat(topics.device(topics.queue("A"))).isEmpty();
        assertThat(topics.device(topics.dossierRequest())).isEmpty();
        assertThat(topics.device("motcua/v1/other-office/tp-01/state")).isEmpty();
    }
}
