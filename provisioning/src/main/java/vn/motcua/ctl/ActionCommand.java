package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code action NAME}: runs one of the device's actions (identify, test-print, restart). */
@Command(name = "action", mixinStandardHelpOptions = true,
        description = {"Run an action on the device: identify, test-print or restart.",
            "identify blinks and shows the device id for 10 s; test-print prints a test ticket (ticket printer); "
                + "restart restarts the runtime cleanly (systemd starts it again)."})
final class ActionCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "NAME", description = "identify, test-print or restart")
    String name;

    @Override
    public Integer call() throws CtlException {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new CtlException(ExitCodes.USAGE, "NAME must be an action name such as identify (got \"" + name + "\")");
        }
        try (DeviceConnection connection = device.connect()) {
            CoapResponse response = connection.send(Request.newPost(), "/actions/" + name);
            if (response.getCode() == ResponseCode.NOT_FOUND && !output.json()) {
                output.line("the device has no action \"" + name + "\"");
            }
            if (!response.isSuccess()) {
                return output.failure(response);
            }
            JsonNode result = OutputOptions.body(response);
            if (output.json()) {
                output.compact(result);
            } else {
                output.line(name + ": " + result.path("result").asText());
            }
            return ExitCodes.OK;
        }
    }
}
