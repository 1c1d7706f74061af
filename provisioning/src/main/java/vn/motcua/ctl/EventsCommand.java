package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.motcua.common.json.Json;

/** {@code events --after N}: the recorded events after a sequence number, oldest first. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Print the events the device recorded after sequence number N, oldest first (one per line).")
final class EventsCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Option(names = "--after", paramLabel = "N", required = true, description = "print events with seq greater than N (0: from the start)")
    long after;

    @Option(names = "--limit", paramLabel = "M", defaultValue = "100", description = "at most M events, 1..500 (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws CtlException {
        if (after < 0 || limit < 1 || limit > 500) {
            throw new CtlException(ExitCodes.USAGE, "--after must be >= 0 and --limit 1..500");
        }
        return device.getJson("/events?after=" + after + "&limit=" + limit, output, (events, response) -> {
            if (output.json()) {
                output.compact(events);
            } else if (events.isEmpty()) {
                output.line("no events after " + after);
            } else {
                for (JsonNode e : events) {
                    output.line(e.path("seq").asText() + "  " + e.path("ts").asText() + "  " + e.path("type").asText()
                            + "  " + Json.write(e.path("data")));
                }
            }
            return ExitCodes.OK;
        });
    }
}
