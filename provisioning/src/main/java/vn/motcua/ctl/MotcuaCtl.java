package vn.motcua.ctl;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.motcua.common.runtime.Version;

/** The technicians' and district's command-line client: a device's management over CoAP, an office over MQTT. */
@Command(name = "motcua-ctl", mixinStandardHelpOptions = true, versionProvider = MotcuaCtl.VersionProvider.class,
        description = "Manage Motcua devices: config, telemetry, health, events and actions over coaps with the "
            + "device's PSK; watch an office over MQTT; check an office's configs before rolling them out.",
        subcommands = {ConfigCommand.class, TelemetryCommand.class, HealthCommand.class, EventsCommand.class,
            ActionCommand.class, WatchCommand.class, OfficeCommand.class, UpdateKeyCommand.class, BundleCommand.class,
            UpdateCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  motcua-ctl health --device coaps://10.10.3.21 --psk-identity tp-dinh-cong-01 --psk-file ./tp.psk",
            "  sudo motcua-ctl config get --identity /etc/motcua/device.json",
            "  motcua-ctl watch --broker tcp://10.10.0.5:1883 --office hoang-mai/dinh-cong",
            "  motcua-ctl bundle --kind ticket-printer --version 0.2.0 --key keys/update-key.pem --out tp-0.2.0.zip",
            "  motcua-ctl update --device coaps://10.10.3.21 --psk-identity tp-dinh-cong-01 --psk-file ./tp.psk --bundle tp-0.2.0.zip"})
public final class MotcuaCtl implements Runnable {
    static final String[] EXIT_CODES = {
        "0:ok",
        "1:the device answered with an error (4.xx/5.xx), or the check found problems",
        "2:bad arguments or usage",
        "3:device or broker unreachable, no answer (timeout, wrong PSK)",
        "4:local file problem (cannot read FILE, key file readable by group/others)",
    };

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** The command line with every subcommand, the exit codes in each help and this tool's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MotcuaCtl());
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CtlException c) {
                err.println("motcua-ctl: " + c.getMessage());
                err.flush();
                return c.exitCode();
            }
            err.println("motcua-ctl: unexpected failure: " + e);
            err.flush();
            return ExitCodes.DEVICE_ERROR;
        });
        withExitCodes(cl);
        return cl;
    }

    private static void withExitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        cl.getSubcommands().values().forEach(MotcuaCtl::withExitCodes);
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : EXIT_CODES) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return codes;
    }

    public static void main(String[] args) {
        Configuration.set("level", System.getProperty("motcua.log.level", "warn"));
        Configuration.set("writer1.stream", "err");
        CommandLine cl = commandLine();
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }

    /** The version of this build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"motcua-ctl " + Version.get()};
        }
    }
}
