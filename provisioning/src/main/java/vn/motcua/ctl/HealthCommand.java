package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code health}: the device's overall status and each component's. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Print the device's health: ok, degraded or fault, and each component's status.")
final class HealthCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws CtlException {
        return device.getJson("/health", output, (health, response) -> {
            if (output.json()) {
                output.compact(health);
                return ExitCodes.OK;
            }
            output.line("status: " + health.path("status").asText());
            for (Map.Entry<String, JsonNode> c : (Iterable<Map.Entry<String, JsonNode>>) health.path("components")::fields) {
                output.line(String.format("  %-20s %s", c.getKey(), c.getValue().asText()));
            }
            return ExitCodes.OK;
        });
    }
}
