package vn.motcua.ctl;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code telemetry [--observe]}: the telemetry document once, or every notification (RFC 7641 Observe). */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = {"Print the device's telemetry (once, or as it changes with --observe).",
            "With --observe, print each notification on one line (on every hardware change and every telemetry "
                + "interval) until Ctrl-C or --count N."})
final class TelemetryCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Option(names = "--observe", description = "keep printing notifications")
    boolean observe;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "with --observe: stop after N documents (0: never)")
    int count;

    @Override
    public Integer call() throws CtlException, InterruptedException {
        if (!observe) {
            return device.getJson("/telemetry", output, (telemetry, response) -> {
                output.document(telemetry);
                return ExitCodes.OK;
            });
        }
        try (DeviceConnection connection = device.connect()) {
            return observe(connection);
        }
    }

    private int observe(DeviceConnection connection) throws CtlException, InterruptedException {
        BlockingQueue<Optional<CoapResponse>> answers = new LinkedBlockingQueue<>();
        CoapClient client = connection.client("/telemetry");
        CoapObserveRelation relation = client.observe(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                answers.add(Optional.of(response));
            }

            @Override
            public void onError() {
                answers.add(Optional.empty());
            }
        });
        try {
            Optional<CoapResponse> answer = answers.poll(connection.timeoutMillis(), TimeUnit.MILLISECONDS);
            for (int printed = 0; ; printed++) {
                if (answer == null || answer.isEmpty()) {
                    throw connection.noAnswer("/telemetry", null);
                }
                if (!answer.get().isSuccess()) {
                    return output.failure(answer.get());
                }
                output.compact(OutputOptions.body(answer.get()));
                if (count > 0 && printed + 1 >= count) {
                    return ExitCodes.OK;
                }
                answer = answers.take();
            }
        } finally {
            relation.proactiveCancel();
            client.shutdown();
        }
    }
}
