package vn.motcua.ctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.motcua.common.json.Json;

/** {@code config put FILE}: sends a new config (block-wise when big) and prints the outcome or every error with its path. */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {"Send FILE as the device's new config; its version must be greater than the current one.",
            "A rejected config (4.00) is printed as one 'path: message' line per error; the running config stays."})
final class ConfigPutCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "the config JSON (UTF-8)")
    Path file;

    @Option(names = "--if-match", paramLabel = "VERSION",
            description = "only replace the config if the device's current version (ETag) is VERSION")
    String ifMatch;

    @Override
    public Integer call() throws CtlException {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot read " + file + ": " + e.getMessage());
        }
        Request put = Request.newPut();
        put.setPayload(body);
        put.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        if (ifMatch != null) {
            put.getOptions().addIfMatch(ifMatch.getBytes(StandardCharsets.US_ASCII));
        }
        try (DeviceConnection connection = device.connect()) {
            CoapResponse response = connection.send(put, "/config");
            if (!response.isSuccess()) {
                return output.failure(response);
            }
            String etag = ConfigGetCommand.etag(response.getOptions().getETags());
            if (output.json()) {
                output.compact(Json.object().put("code", OutputOptions.code(response.getCode())).put("etag", etag));
            } else {
                output.line("applied: the device runs config version " + etag + " (" + body.length + " bytes sent)");
            }
            return ExitCodes.OK;
        }
    }
}
