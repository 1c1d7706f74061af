package vn.motcua.ctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.motcua.common.json.Json;
import vn.motcua.common.update.UpdateKeys;

/** {@code update-key generate --out DIR}: writes DIR/update-key.pem (private, 0600) and DIR/update-key.pub (0644). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Make a new Ed25519 update key pair: DIR/update-key.pem (private, PKCS#8 PEM, mode 0600) and "
            + "DIR/update-key.pub (public, X.509 PEM, mode 0644).",
            "Keep the private key off devices; install the public one on each device with: "
            + "motcua-setup --update-key DIR/update-key.pub.",
            "An existing key pair is never replaced without --force (devices that hold its public half would refuse "
            + "bundles signed by the new one)."})
final class UpdateKeyGenerateCommand implements Callable<Integer> {
    static final String PRIVATE = "update-key.pem";
    static final String PUBLIC = "update-key.pub";

    @Mixin
    OutputOptions output;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory for the two key files")
    Path dir;

    @Option(names = "--force", description = "replace a key pair that is already in DIR")
    boolean force;

    @Override
    public Integer call() throws CtlException {
        Path priv = dir.resolve(PRIVATE);
        Path pub = dir.resolve(PUBLIC);
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !force) {
                throw new CtlException(ExitCodes.LOCAL_FILE, p + " already exists; devices may trust it. "
                        + "Pass --force to replace the key pair, or choose another --out DIR");
            }
        }
        KeyPair pair = UpdateKeys.generate();
        try {
            Files.createDirectories(dir);
            if (force) {
                Files.deleteIfExists(priv);
                Files.deleteIfExists(pub);
            }
            UpdateKeys.writePrivate(priv, pair.getPrivate());
            UpdateKeys.writePublic(pub, pair.getPublic());
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot write the key pair into " + dir + ": " + e);
        }
        if (output.json()) {
            output.compact(Json.object().put("private", priv.toString()).put("public", pub.toString()));
        } else {
            output.line("private key: " + priv + " (mode 0600; signs bundles: motcua-ctl bundle --key " + priv + ")");
            output.line("public key:  " + pub + " (install on each device: motcua-setup --update-key " + pub + ")");
        }
        return ExitCodes.OK;
    }
}
