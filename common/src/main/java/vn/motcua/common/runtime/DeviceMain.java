package vn.motcua.common.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.KindHardware;
import vn.motcua.common.hardware.pi.HardwareProbe;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityException;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.update.UpdatePaths;

/**
 * The command line of every device runtime: run until SIGTERM/SIGINT (exit 0), {@code --check} (0, 2 or 3) or
 * {@code --validate-identity} (0 or 2). A bad identity, hardware block included, is exit 2 with one line on stderr
 * naming the file and the field, before the state directory is touched.
 */
public final class DeviceMain {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int HARDWARE_MISSING = 3;
    public static final int FAILED = 1;

    @Command(name = "device", mixinStandardHelpOptions = true, description = "Runs one Motcua device.")
    static final class Args {
        @Option(names = "--identity", paramLabel = "FILE", description = "the identity file")
        Path identity;
        @Option(names = "--state-dir", paramLabel = "DIR", description = "where the device keeps its durable state")
        Path stateDir;
        @Option(names = "--check", description = "validate the identity, probe the hardware, print a report and exit")
        boolean check;
        @Option(names = "--validate-identity", paramLabel = "FILE",
                description = "check every field of FILE as the runtime would, without opening the secret files it names; exit 0 or 2")
        Path validate;
        @Option(names = "--root", paramLabel = "DIR",
                description = "a staging root made by motcua-setup --root DIR: the identity's absolute paths and the releases are under it")
        Path root;
    }

    private DeviceMain() {
    }

    /** Runs a device of {@code kind}: its identity is read with {@code model}, its app made by {@code factory}. */
    public static <H extends KindHardware> int run(String[] argv, DeviceKind kind, HardwareModel<H> model,
                                                   Function<H, ? extends DeviceApp<?>> factory) {
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
        if (args.validate != null) {
            return validate(args.validate, kind, model);
        }
        if (args.identity == null) {
            err.println("bad arguments: --identity FILE is required (see --help)");
            return BAD_INPUT;
        }
        DeviceIdentity<H> device;
        try {
            device = args.root == null ? IdentityLoader.load(args.identity, kind, model)
                    : IdentityLoader.load(args.identity, args.root.toAbsolutePath(), kind, model);
        } catch (IdentityException e) {
            err.println("bad identity: " + e.getMessage());
            return BAD_INPUT;
        }
        DeviceApp<?> app = factory.apply(device.hardware());
        if (args.check) {
            return check(device, app);
        }
        if (args.stateDir == null) {
            err.println("bad arguments: --state-dir DIR is required to run a device (see --help)");
            return BAD_INPUT;
        }
        Logging.toStateDir(args.stateDir);
        UpdatePaths updates = UpdatePaths.under(args.root == null ? Path.of("/") : args.root.toAbsolutePath(), args.stateDir);
        return runUntilSignal(new DeviceRuntime<>(device, updates, app, Clock.system(device.identity().timezone())));
    }

    private static int validate(Path file, DeviceKind kind, HardwareModel<?> model) {
        try {
            IdentityLoader.validate(file, kind, model);
        } catch (IdentityException e) {
            System.err.println("bad identity: " + e.getMessage());
            return BAD_INPUT;
        }
        System.out.println("identity " + file + ": ok");
        return OK;
    }

    private static int check(DeviceIdentity<?> device, DeviceApp<?> app) {
        Identity identity = device.identity();
        HardwareWiring wiring = device.hardware().wiring();
        System.out.println("identity " + identity.file() + ": ok (" + identity.kind().wire() + " " + identity.deviceId()
                + " in " + identity.office() + ", hardware profile " + wiring.profile().name().toLowerCase() + ")");
        List<String> problems = new ArrayList<>();
        if (wiring.profile() == HardwareWiring.Profile.PI) {
            problems.addAll(HardwareProbe.probe(wiring));
        }
        problems.addAll(app.probeHardware());
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
        runtime.watchProcess();
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
        Thread hook = DeviceThreads.named("shutdown-hook").newThread(runtime::stop);
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
