package vn.motcua.ctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.json.Json;
import vn.motcua.common.update.BundleException;
import vn.motcua.common.update.BundleLimits;
import vn.motcua.common.update.BundleWriter;
import vn.motcua.common.update.ReleaseVersion;
import vn.motcua.common.update.UpdateKeys;

/** {@code bundle}: a signed release bundle of one kind's runtime, for {@code PUT /update} (SPEC section 11). */
@Command(name = "bundle",
        description = {"Make a signed release bundle (zip) of one kind's runtime: device-<kind>.jar, every lib/ jar its "
            + "manifest's Class-Path names, VERSION (= --version), manifest.json (SHA-256 of each file) and manifest.sig "
            + "(Ed25519 signature of manifest.json by --key).",
            "Without --jar: the newest built device-<kind>.jar of the release tree this motcua-ctl runs from, of "
            + "provisioning/target/release/ or of device-<kind>/target/ (mvn -B -pl device-<kind> -am package)."})
final class BundleCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "ticket-printer, rating-pad or kiosk")
    String kind;

    @Option(names = "--version", required = true, paramLabel = "V",
            description = "the release's version (newer than what devices run, e.g. 0.2.0 or 1.0.0-rc1)")
    String version;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE",
            description = "the update key's private half (update-key.pem from update-key generate; mode 0600)")
    Path key;

    @Option(names = "--jar", paramLabel = "FILE", description = "the kind's runtime jar, with the lib/ it names beside it")
    Path jar;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "the bundle file to write (e.g. tp-0.2.0.zip)")
    Path out;

    @Override
    public Integer call() throws CtlException {
        if (DeviceKind.fromWire(kind).isEmpty()) {
            throw new CtlException(ExitCodes.USAGE, "--kind must be ticket-printer, rating-pad or kiosk (got \"" + kind + "\")");
        }
        if (!ReleaseVersion.valid(version)) {
            throw new CtlException(ExitCodes.USAGE, "--version must be a release version such as 0.2.0 or 1.0.0-rc1: "
                    + "letters, digits, . + _ - (got \"" + version + "\")");
        }
        if (Files.isDirectory(out)) {
            throw new CtlException(ExitCodes.USAGE, "--out " + out + " is a directory; name the bundle file, e.g. "
                    + out.resolve(kind + "-" + version + ".zip"));
        }
        PrivateKey privateKey = privateKey();
        Path source = jar != null ? existing(jar) : ReleaseJars.defaultJar(kind);
        BundleWriter.Written written;
        try {
            written = BundleWriter.fromJar(source, kind, version, privateKey, out);
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot make the bundle: " + e.getMessage());
        }
        if (written.bytes() > BundleLimits.MAX_BUNDLE_BYTES) {
            deleteQuietly(written.bundle());
            throw new CtlException(ExitCodes.DEVICE_ERROR, "the bundle would be " + written.bytes()
                    + " bytes; devices take at most " + BundleLimits.MAX_BUNDLE_BYTES + " (64 MiB)");
        }
        print(written, source);
        return ExitCodes.OK;
    }

    private PrivateKey privateKey() throws CtlException {
        KeyFiles.requirePrivate("--key", key);
        try {
            return UpdateKeys.readPrivate(key);
        } catch (BundleException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "--key " + e.getMessage());
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "--key " + key + " cannot be read: " + e.getMessage());
        }
    }

    private static Path existing(Path file) throws CtlException {
        if (!Files.isRegularFile(file)) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "--jar " + file + ": no such file");
        }
        return file;
    }

    private void print(BundleWriter.Written w, Path source) {
        if (output.json()) {
            var files = Json.array();
            w.manifest().files().keySet().forEach(files::add);
            ObjectNode doc = Json.object().put("bundle", w.bundle().toString()).put("kind", kind).put("version", version)
                    .put("bytes", w.bytes()).put("jar", source.toString());
            doc.set("files", files);
            output.compact(doc);
            return;
        }
        output.line(String.format(Locale.ROOT, "bundle %s: %s %s, %d files, %d bytes (%.1f MiB), from %s", w.bundle(), kind,
                version, w.files(), w.bytes(), w.bytes() / 1048576.0, source));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the error above says the bundle is unusable
        }
    }
}
