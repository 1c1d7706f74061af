package vn.motcua.ctl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eclipse.californium.core.CoapResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.CoapSettings;

/** {@code update --bundle B}: pushes a signed release bundle to a device ({@code PUT /update}, block-wise) with progress. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Push a signed release bundle (made by 'motcua-ctl bundle') to the device.",
            "The device verifies it with its update key, stages it and restarts into the new release on trial.",
            "Refused: bad signature or no key on the device (4.03), malformed or another kind's bundle (4.00), "
                + "a version not newer than the running one or rolled back before (4.09), over 64 MiB (4.13)."})
final class UpdateCommand implements Callable<Integer> {
    @Mixin
    DeviceOptions device;
    @Mixin
    OutputOptions output;

    @Option(names = "--bundle", paramLabel = "BUNDLE", required = true, description = "the bundle (.zip) to push")
    Path bundle;

    @Override
    public Integer call() throws CtlException {
        long total;
        try {
            total = Files.size(bundle);
            if (!Files.isReadable(bundle) || !Files.isRegularFile(bundle)) {
                throw new IOException("not a readable file");
            }
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot read " + bundle + ": " + e.getMessage());
        }
        PrintWriter out = output.mixee.commandLine().getOut();
        UploadProgress progress = new UploadProgress(out, !output.json() && System.console() != null, output.json());
        long start = System.nanoTime();
        CoapResponse response;
        try (DeviceConnection connection = device.connect(CoapSettings.forBlockSender())) {
            response = BlockSender.put(connection, "/update", bundle, progress);
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, "cannot read " + bundle + ": " + e.getMessage());
        } finally {
            progress.end();
        }
        if (!response.isSuccess()) {
            return output.failure(response);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String message = response.getResponseText();
        if (output.json()) {
            output.compact(Json.object().put("code", OutputOptions.code(response.getCode())).put("bytes", total)
                    .put("seconds", Math.round(seconds * 10) / 10.0).put("message", message));
        } else {
            output.line(String.format(Locale.ROOT, "%s (%d bytes in %.1f s)",
                    message == null || message.isBlank() ? "staged; the device restarts into it" : TerminalText.clean(message),
                    total, seconds));
        }
        return ExitCodes.OK;
    }
}
