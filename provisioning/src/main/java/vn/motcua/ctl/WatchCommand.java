package vn.motcua.ctl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watch}: an office's live events, one line each, and who is online from the retained state messages. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Watch an office over MQTT: who is online, and live events.",
            "Subscribes to motcua/v1/OFFICE/# and prints the devices known from their retained state as a table "
                + "(device, status, session, kind, version), then live events, state changes and serving calls, one "
                + "line each. --json prints one JSON object per message. Ctrl-C ends."})
final class WatchCommand implements Callable<Integer> {
    static final long SETTLE_MILLIS = 1000;

    @Mixin
    OutputOptions output;

    @Option(names = "--broker", paramLabel = "URI", required = true, description = "tcp://host:port or ssl://host:port")
    String broker;

    @Option(names = "--office", paramLabel = "OFFICE", required = true, description = "e.g. hoang-mai/dinh-cong")
    String office;

    @Option(names = "--username", paramLabel = "NAME", description = "MQTT user name")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file with the MQTT password on one line, mode 0600")
    Path passwordFile;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "stop after SECONDS (0: until Ctrl-C)")
    long duration;

    @Override
    public Integer call() throws CtlException, InterruptedException {
        if (!office.matches("^[a-z0-9-]+(/[a-z0-9-]+)*$")) {
            throw new CtlException(ExitCodes.USAGE, "--office must be like hoang-mai/dinh-cong (got \"" + office + "\")");
        }
        if (!broker.matches("^(tcp|ssl)://[^/:]+:\\d+$")) {
            throw new CtlException(ExitCodes.USAGE, "--broker must be tcp://host:port or ssl://host:port (got \"" + broker + "\")");
        }
        char[] password = passwordFile == null ? null
                : new String(KeyFiles.read("--password-file", passwordFile), StandardCharsets.UTF_8).toCharArray();
        BlockingQueue<BrokerSubscription.Message> messages = new LinkedBlockingQueue<>();
        OfficeView view = new OfficeView(office);
        try (BrokerSubscription subscription = BrokerSubscription.open(broker, username, password,
                "motcua/v1/" + office + "/#", messages::add)) {
            long start = System.nanoTime();
            long end = duration > 0 ? start + TimeUnit.SECONDS.toNanos(duration) : Long.MAX_VALUE;
            boolean settled = output.json();
            while (System.nanoTime() < end) {
                BrokerSubscription.Message m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (!settled && System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                    settled = true;
                    view.table().forEach(output::line);
                }
                if (m != null) {
                    var lines = view.accept(m.topic(), m.payload(), output.json());
                    if (settled) {
                        lines.forEach(output::line);
                    }
                }
            }
            if (!settled) {
                view.table().forEach(output::line);
            }
        }
        return ExitCodes.OK;
    }
}
