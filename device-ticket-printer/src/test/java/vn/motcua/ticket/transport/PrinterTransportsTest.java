package vn.motcua.ticket.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterTransportsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serial:/dev/ttyUSB0?baud=115200 | serial:/dev/ttyUSB0?baud=115200",
        "serial:/dev/ttyS0               | serial:/dev/ttyS0?baud=115200",
        "serial:/dev/ttyACM1?baud=9600   | serial:/dev/ttyACM1?baud=9600",
        "serial:/dev/ttyUSB0?baud=38400&flow=rtscts | serial:/dev/ttyUSB0?baud=38400&flow=rtscts",
        "serial:/dev/ttyUSB0?flow=none   | serial:/dev/ttyUSB0?baud=115200",
        "usblp:/dev/usb/lp0              | usblp:/dev/usb/lp0",
        "tcp:192.168.1.50:9100           | tcp:192.168.1.50:9100",
        "tcp://printer.local:9100        | tcp:printer.local:9100",
        "tcp:[fd00::12]:9100             | tcp:fd00::12:9100"})
    void parses_the_transport_uris_of_the_identity_file(String uri, String described) {
        try (PrinterTransport t = PrinterTransports.parse(uri)) {
            assertThat(t.describe()).isEqualTo(described);
            assertThat(t.isConnected()).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lpt:/dev/lp0                     | unknown scheme",
        "/dev/ttyUSB0                     | unknown scheme",
        "serial:ttyUSB0                   | absolute device path",
        "serial:/dev/ttyUSB0?baud=fast    | baud 'fast' is not a number",
        "serial:/dev/ttyUSB0?baud=12      | baud must be 1200..921600",
        "serial:/dev/ttyUSB0?parity=even  | unknown parameter 'parity=even'",
        "serial:/dev/ttyUSB0?flow=xonxoff | unknown parameter 'flow=xonxoff'",
        "usblp:                           | absolute device path",
        "tcp:printer                      | needs a host and a port",
        "tcp:printer:                     | needs a host and a port",
        "tcp:printer:70000                | port must be 1..65535"})
    void explains_what_is_wrong_with_a_bad_uri(String uri, String message) {
        assertThatThrownBy(() -> PrinterTransports.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(uri)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refuses_an_empty_uri(String uri) {
        assertThatThrownBy(() -> PrinterTransports.parse(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serial:/dev/ttyUSB0?baud=115200");
    }
}
