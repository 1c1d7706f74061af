package vn.motcua.common.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.motcua.common.identity.Identity;

/** What one kind of device adds to the common kernel: its tables, its components and its telemetry counters. */
public interface DeviceApp {
    /** The name under which the app's schema migrations are recorded, e.g. {@code ticket-printer}. */
    String module();

    /** The app's schema steps, applied in order once each (append only). */
    List<String> migrations();

    /** Starts the app's components; a missing peripheral is reported in the health model, never thrown. */
    void start(DeviceContext context) throws Exception;

    /** Stops the app's components; called once, in reverse order of start. */
    void stop();

    /** Adds the kind's counters to a telemetry document. */
    void contributeTelemetry(ObjectNode telemetry);

    /** For {@code --check}: probes the configured hardware and returns what is missing (empty when all is well). */
    List<String> probeHardware(Identity identity);
}
