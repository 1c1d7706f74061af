package vn.motcua.common.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.config.DeviceConfig;

/**
 * What one kind of device adds to the common kernel: its tables, config, components and telemetry counters. An app is
 * made with its kind's typed hardware block (see {@code DeviceMain.run}).
 */
public interface DeviceApp<C extends DeviceConfig> {
    /** The name under which the app's schema migrations are recorded, e.g. {@code ticket-printer}. */
    String module();

    /** The app's schema steps, applied in order once each (append only). */
    List<String> migrations();

    /** The kind's config schema: defaults (version 0) and validation. */
    ConfigModel<C> configModel();

    /** Starts the app with the current config; a missing peripheral is reported in the health model, never thrown. */
    void start(DeviceContext context, C config) throws Exception;

    /** Applies a new, validated config live; throwing refuses it and the previous config is applied again. */
    void applyConfig(C config) throws Exception;

    /** Stops the app's components; called once, before the kernel stops. */
    void stop();

    /** Adds the kind's counters to a telemetry document. */
    void contributeTelemetry(ObjectNode telemetry);

    /** For {@code --check}: probes the kind's own peripherals (printer, scanner); empty when all is well. */
    List<String> probeHardware();
}
