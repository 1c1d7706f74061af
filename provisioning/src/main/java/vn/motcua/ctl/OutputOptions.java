package vn.motcua.ctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import vn.motcua.common.json.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --json} and the printing every subcommand shares: readable text by default, one JSON document for scripts. */
final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--json", description = "print JSON for scripts instead of readable text")
    boolean json;

    boolean json() {
        return json;
    }

    void line(String text) {
        PrintWriter out = mixee.commandLine().getOut();
        out.println(text);
        out.flush();
    }

    void compact(JsonNode tree) {
        line(Json.write(tree));
    }

    /** Pretty JSON for people, one line for scripts. */
    void document(JsonNode tree) {
        if (json) {
            compact(tree);
            return;
        }
        line(Json.writePretty(tree));
    }

    /** Prints an error answer (every {@code path: message} of its body) and returns exit code 1. */
    int failure(CoapResponse response) {
        String code = code(response.getCode());
        JsonNode body = parseOrNull(response.getPayload());
        if (json) {
            var out = Json.object().put("code", code);
            if (body != null && body.has("errors")) {
                out.set("errors", body.get("errors"));
            } else if (response.getPayloadSize() > 0) {
                out.put("message", response.getResponseText());
            }
            compact(out);
            return ExitCodes.DEVICE_ERROR;
        }
        line("device answered " + code + " (" + response.getCode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        if (body != null && body.path("errors").isArray()) {
            for (JsonNode e : body.get("errors")) {
                String path = e.path("path").asText("");
                line("  " + (path.isEmpty() ? "" : path + ": ") + e.path("message").asText());
            }
        } else if (response.getPayloadSize() > 0) {
            line("  " + response.getResponseText());
        }
        return ExitCodes.DEVICE_ERROR;
    }

    static String code(ResponseCode code) {
        return code.codeClass + "." + String.format(Locale.ROOT, "%02d", code.codeDetail);
    }

    static JsonNode parseOrNull(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            return Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The body of a successful answer as JSON; a device that answers something else is exit 1. */
    static JsonNode body(CoapResponse response) throws CtlException {
        JsonNode tree = parseOrNull(response.getPayload());
        if (tree == null) {
            throw new CtlException(ExitCodes.DEVICE_ERROR, "the device answered " + code(response.getCode())
                    + " with a body that is not JSON: " + response.getResponseText());
        }
        return tree;
    }
}
