package vn.motcua.ctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.motcua.common.json.Json;

/** {@code office check FILE}: checks an office description and prints every problem with its path. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check an office description across its devices before rolling configs out.",
            "FILE is {\"office\":\"hoang-mai/dinh-cong\",\"devices\":[{\"deviceId\",\"kind\",\"counter\"?,\"config\":{...}}]}. "
                + "Checks: device ids valid and unique, one ticket printer per service code, rating pad counters "
                + "distinct and numbered 1..N, each config against its kind's rules. Every problem is printed with "
                + "its path; exit 1 when there are any."})
final class OfficeCheckCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "the office description (JSON, UTF-8)")
    Path file;

    @Override
    public Integer call() throws CtlException {
        OfficeChecker.Report report = OfficeChecker.check(read());
        if (output.json()) {
            var out = Json.object().put("file", file.toString()).put("devices", report.devices())
                    .put("ok", report.problems().isEmpty());
            var problems = out.putArray("problems");
            report.problems().forEach(p -> problems.addObject().put("path", p.path()).put("message", p.message()));
            output.compact(out);
        } else {
            report.problems().forEach(p -> output.line((p.path().isEmpty() ? "" : p.path() + ": ") + p.message()));
            output.line(file + ": " + report.devices() + " devices, " + report.problems().size() + " problem"
                    + (report.problems().size() == 1 ? "" : "s"));
        }
        return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.DEVICE_ERROR;
    }

    private JsonNode read() throws CtlException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, file + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
    }
}
