package vn.motcua.office;

import java.nio.file.Path;

/**
 * How to run the office: where the device jars are ({@code home}), where its state and logs go, the broker
 * ({@code brokerUri} null: the embedded one on {@code mqttPort}), the panel port, the counters and the device ports.
 */
public record OfficeSettings(Path home, Path runDir, String brokerUri, int mqttPort, int httpPort, int counters,
                             int coapBasePort, int screenBasePort) {
    public static final String OFFICE = "hoang-mai/dinh-cong";
    public static final String TIMEZONE = "Asia/Ho_Chi_Minh";

    public boolean embeddedBroker() {
        return brokerUri == null;
    }

    public String broker() {
        return embeddedBroker() ? "tcp://127.0.0.1:" + mqttPort : brokerUri;
    }

    public Path logs() {
        return runDir.resolve("logs");
    }
}
