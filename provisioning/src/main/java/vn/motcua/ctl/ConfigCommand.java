package vn.motcua.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code config get|put}: the device's runtime config (SPEC section 6). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Read or replace a device's runtime config.",
        subcommands = {ConfigGetCommand.class, ConfigPutCommand.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "config needs a subcommand: get or put");
    }
}
