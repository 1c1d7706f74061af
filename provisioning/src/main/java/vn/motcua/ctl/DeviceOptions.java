package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import java.nio.file.Path;
import org.eclipse.californium.elements.config.Configuration;
import vn.motcua.common.management.CoapSettings;
import picocli.CommandLine.Option;

/** The options that name a device and its key, shared by every device subcommand. */
final class DeviceOptions {
    @Option(names = "--device", paramLabel = "URI",
            description = "coaps://host[:port] (default port 5684), or coap://127.0.0.1[:port] (5683) on loopback only")
    String device;

    @Option(names = "--psk-identity", paramLabel = "ID", description = "the device's PSK identity (usually its device id)")
    String pskIdentity;

    @Option(names = "--psk-file", paramLabel = "FILE", description = "file holding the PSK on one line, mode 0600")
    Path pskFile;

    @Option(names = "--identity", paramLabel = "FILE",
            description = "take address and key from a device's identity file, e.g. /etc/motcua/device.json (on the device)")
    Path identity;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long to wait for an answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    DeviceConnection connect() throws CtlException {
        return connect(CoapSettings.forClient());
    }

    /** A connection made with the given Californium configuration. */
    DeviceConnection connect(Configuration config) throws CtlException {
        if (timeoutSeconds < 1) {
            throw new CtlException(ExitCodes.USAGE, "--timeout must be at least 1 second");
        }
        return DeviceConnection.open(DeviceTarget.resolve(device, pskIdentity, pskFile, identity), timeoutSeconds * 1000L, config);
    }

    /**
     * GETs one JSON resource of the device and hands its body to {@code shown}; a failure code is printed by
     * {@code output} (and gives the exit code), a body that is not JSON is a device error.
     */
    int getJson(String path, OutputOptions output, Shown shown) throws CtlException {
        try (DeviceConnection connection = connect()) {
            CoapResponse response = connection.send(Request.newGet(), path);
            if (!response.isSuccess()) {
                return output.failure(response);
            }
            return shown.show(OutputOptions.body(response), response);
        }
    }

    /** What a subcommand prints of a resource it got; returns the exit code. */
    @FunctionalInterface
    interface Shown {
        int show(JsonNode body, CoapResponse response) throws CtlException;
    }
}
