package vn.motcua.office;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
import org.tinylog.configuration.Configuration;
import org.tinylog.provider.ProviderRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.common.runtime.Logging;

/** {@code ./motcua office}: runs a whole simulated one-stop office until Ctrl-C. */
public final class OfficeMain {
    @Command(name = "motcua office", mixinStandardHelpOptions = true,
            description = "A whole one-stop office on this machine: broker, devices, district stand-in and a web panel.")
    static final class Args {
        @Option(names = "--broker", paramLabel = "URI", description = "an external MQTT broker (default: an embedded one)")
        String broker;
        @Option(names = "--mqtt-port", defaultValue = "1883", description = "port of the embedded broker (default ${DEFAULT-VALUE})")
        int mqttPort;
        @Option(names = "--http-port", defaultValue = "8080", description = "port of the web panel (default ${DEFAULT-VALUE})")
        int httpPort;
        @Option(names = "--counters", defaultValue = "3", description = "counters, one rating pad each (default ${DEFAULT-VALUE})")
        int counters;
        @Option(names = "--run-dir", defaultValue = "run/office", description = "state and logs (default ${DEFAULT-VALUE})")
        Path runDir;
        @Option(names = "--home", defaultValue = ".", description = "the project directory with the built device jars")
        Path home;
        @Option(names = "--coap-port", defaultValue = "5701", description = "first device CoAP port (default ${DEFAULT-VALUE})")
        int coapPort;
        @Option(names = "--screen-port", defaultValue = "8091", description = "lookup kiosk screen port; the hall display uses the next")
        int screenPort;
    }

    private OfficeMain() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        PrintStream out = System.out;
        Args args = new Args();
        CommandLine cli = new CommandLine(args);
        try {
            cli.parseArgs(argv);
        } catch (CommandLine.ParameterException e) {
            System.err.println("bad arguments: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (args.counters < 1 || args.counters > 20) {
            System.err.println("bad arguments: --counters must be 1..20");
            return 2;
        }
        if (args.broker != null && !validBroker(args.broker)) {
            System.err.println("bad arguments: --broker must be tcp://host:port or ssl://host:port (got \"" + args.broker + "\")");
            return 2;
        }
        OfficeSettings settings = settings(args);
        logTo(settings);
        Office office = new Office(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping the office (devices publish their shutdown state)...");
            office.stop();
            stopped.countDown();
            try {
                ProviderRegistry.getLoggingProvider().shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "office-stop"));
        try {
            office.start();
        } catch (Exception e) {
            Logger.error(e, "the office could not start");
            System.err.println("the office could not start: " + e.getMessage() + " (see " + settings.logs().resolve("office.log") + ")");
            return 1;
        }
        out.println(Banner.text(settings, office));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Parses the command line into an office that is not started yet (for tests and embedding). */
    public static Office create(String... argv) {
        Args args = new Args();
        new CommandLine(args).parseArgs(argv);
        return new Office(settings(args));
    }

    static boolean validBroker(String uri) {
        try {
            URI u = new URI(uri);
            return ("tcp".equals(u.getScheme()) || "ssl".equals(u.getScheme())) && u.getHost() != null && u.getPort() > 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static OfficeSettings settings(Args a) {
        return new OfficeSettings(a.home.toAbsolutePath().normalize(), a.runDir.toAbsolutePath().normalize(), a.broker,
                a.mqttPort, a.httpPort, a.counters, a.coapPort, a.screenPort);
    }

    private static void logTo(OfficeSettings s) {
        if (Configuration.isFrozen()) {
            return;
        }
        Configuration.set("autoshutdown", "false");
        Configuration.set("writer1.level", "warn");
        // Moquette reports every client that closes its socket after DISCONNECT as an error with a stack trace
        Configuration.set("level@io.moquette.broker.NewNettyMQTTHandler", "off");
        Configuration.set("writer2", "rolling file");
        Configuration.set("writer2.file", s.logs().resolve("office-{count}.log").toString());
        Configuration.set("writer2.latest", s.logs().resolve("office.log").toString());
        Configuration.set("writer2.policies", "size: 5mb");
        Configuration.set("writer2.backups", "3");
        Configuration.set("writer2.charset", "UTF-8");
        Configuration.set("writer2.format", Logging.FILE_FORMAT);
    }
}
