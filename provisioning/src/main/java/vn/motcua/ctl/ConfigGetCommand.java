package vn.motcua.ctl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.motcua.common.json.Json;

/** {@code config get}: prints the config and its version (the ETag). */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print the device's config and its version (ETag).")
final class ConfigGetCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws CtlException {
        return device.getJson("/config", output, (config, response) -> {
            String etag = etag(response.getOptions().getETags());
            if (output.json()) {
                var out = Json.object().put("etag", etag).put("version", config.path("version").asLong());
                out.set("config", config);
                output.compact(out);
            } else {
                output.line("config version " + config.path("version").asLong() + " (ETag " + etag + ")");
                output.document(config);
            }
            return ExitCodes.OK;
        });
    }

    static String etag(List<byte[]> etags) {
        return etags.isEmpty() ? "" : new String(etags.get(0), StandardCharsets.US_ASCII);
    }
}
