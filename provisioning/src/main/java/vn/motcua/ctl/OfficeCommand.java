package vn.motcua.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code office check}: office-wide checks of an office description. */
@Command(name = "office", mixinStandardHelpOptions = true, description = "Office-wide tools.",
        subcommands = OfficeCheckCommand.class)
final class OfficeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "office needs a subcommand: check");
    }
}
