package vn.motcua.ctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code update-key generate}: the district's Ed25519 key pair that signs release bundles (SPEC section 11). */
@Command(name = "update-key", mixinStandardHelpOptions = true,
        description = "The district's update key: its private half signs release bundles, devices hold the public half.",
        subcommands = UpdateKeyGenerateCommand.class)
final class UpdateKeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "update-key needs a subcommand: generate");
    }
}
