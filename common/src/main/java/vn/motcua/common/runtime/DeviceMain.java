package vn.motcua.common.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityException;
import vn.motcua.common.identity.IdentityLoader;

/** The command line of every device runtime: run until SIGTERM/SIGINT (exit 0), or {@code --check} (0, 2 or 3). */
public final class DeviceMain {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int HARDWARE_MISSING = 3;
    public static final int FAILED = 1;

    @Command(name = "device", mixinStandardHelpOptions = true, description = "Runs one Motcua device.")
    static final class Args {
        @Option(names = "--identity", required = true, paramLabel = "FILE", description = "the identity file")
        Path identity;
        @Option(names = "--state-dir", paramLabel = "DIR", description = "where the device keeps its durable state")
        Path stateDir;
        @Option(names = "--check", description = "validate the identity, probe the hardware, print a report and exit")
        boolean check;
    }

    private DeviceMain() {
    }

    /** Runs a device of {@code kind} with the app the factory makes; returns the process exit code. */
    public static int run(String[] argv, DeviceKind kind, Supplier<? extends DeviceApp<?>> factory) {
        PrintStream err = System.err;
        Args args = new Args();
        CommandLine cli = new CommandLine(args);
        try {
            cli.parseArgs(argv);
        } catch (CommandLine.ParameterException e) {
            err.println("bad arguments: " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return OK;
        }
        if (cli.isVersionHelpRequested()) {
            System.out.println(Version.get());
            return OK;
        }
        Identity identity;
        try {
            identity = IdentityLoader.load(args.identity);
        } catch (IdentityException e) {
            err.println("bad identity: " + e.getMessage());
            return BAD_INPUT;
        }
        if (identity.kind() != kind) {
            err.println("bad identity: " + args.identity + ": field 'kind': this runtime is a " + kind.wire()
                    + " but the identity says " + identity.kind().wire());
            return BAD_INPUT;
        }
        HardwareWiring.Parsed wiring = HardwareWiring.parse(identity.hardware());
        if (!wiring.valid()) {
            var first = wiring.errors().get(0);
            err.println("bad identity: " + args.identity + ": field '" + first.path() + "': " + first.message());
            return BAD_INPUT;
        }
        DeviceApp<?> app = factory.get();
        if (args.check) {
            return check(identity, wiring.wiring(), app);
        }
        if (args.stateDir == null) {
            err.println("bad arguments: --state-dir DIR is required to run a device (see --help)");
            return BAD_INPUT;
        }
        Logging.toStateDir(args.stateDir);
        return runUntilSignal(new DeviceRuntime<>(identity, wiring.wiring(), args.stateDir, app,
                Clock.system(identity.timezone())));
    }

    private static int check(Identity identity, HardwareWiring wiring, DeviceApp<?> app) {
        System.out.println("identity " + identity.file() + ": ok (" + identity.kind().wire() + " " + identity.deviceId()
                + " in " + identity.office() + ", hardware profile " + identity.hardwareProfile() + ")");
        List<String> problems = new java.util.ArrayList<>();
        if (wiring.profile() == HardwareWiring.Profile.PI) {
            problems.addAll(vn.motcua.common.hardware.pi.HardwareProbe.probe(wiring));
        }
        problems.addAll(app.probeHardware(identity));
        if (problems.isEmpty()) {
            System.out.println("hardware: ok");
            return OK;
        }
        problems.forEach(p -> System.out.println("hardware: MISSING " + p));
        return HARDWARE_MISSING;
    }

    @SuppressWarnings("sunapi")
    private static int runUntilSignal(DeviceRuntime<?> runtime) {
        CountDownLatch stop = new CountDownLatch(1);
        runtime.onRestartRequest(stop::countDown);
        for (String name : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.countDown());
        }
        try {
            runtime.start();
        } catch (Exception e) {
            Logger.error(e, "the device could not start");
            runtime.stop();
            return FAILED;
        }
        JvmFootprint.returnIdleMemory();
        Thread hook = new Thread(runtime::stop, "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Logger.info("stop signal received");
        runtime.stop();
        return OK;
    }
}
