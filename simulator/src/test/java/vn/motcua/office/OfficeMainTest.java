package vn.motcua.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficeMainTest {
    @Test
    void refuses_bad_arguments_with_exit_code_2() {
        assertThat(OfficeMain.run(new String[] {"--counters", "0"})).isEqualTo(2);
        assertThat(OfficeMain.run(new String[] {"--broker", "localhost"})).isEqualTo(2);
        assertThat(OfficeMain.run(new String[] {"--no-such-flag"})).isEqualTo(2);
    }

    @Test
    void accepts_tcp_and_ssl_brokers_only() {
        assertThat(OfficeMain.validBroker("tcp://127.0.0.1:1883")).isTrue();
        assertThat(OfficeMain.validBroker("ssl://broker.example:8883")).isTrue();
        assertThat(OfficeMain.validBroker("mqtt://127.0.0.1:1883")).isFalse();
        assertThat(OfficeMain.validBroker("tcp://127.0.0.1")).isFalse();
    }

    @Test
    void the_defaults_are_the_documented_ones() {
        Office office = OfficeMain.create();
        assertThat(office.plan()).extracting(d -> d.deviceId())
                .containsExactly("printer-1", "kiosk-lookup", "kiosk-hall", "pad-1", "pad-2", "pad-3");
        assertThat(office.plan().get(0).coapPort()).isEqualTo(5701);
        assertThat(office.plan().get(1).screenPort()).isEqualTo(8091);
        assertThat(office.plan().get(2).screenPort()).isEqualTo(8092);
        assertThat(office.plan().get(0).identity().at("/mqtt/uri").asText()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(office.plan().get(3).identity().path("counter").asInt()).isEqualTo(1);
    }
}
