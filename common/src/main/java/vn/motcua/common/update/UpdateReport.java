package vn.motcua.common.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.common.json.Json;

/**
 * {@code GET /update}: {@code {"running","previous","trial":bool,"last":{"version","result"}|null}} from the
 * launcher's update.json. {@code running} is the release this runtime is (update.json's running, except during a
 * trial, when it is the trial release); {@code previous} the release kept to go back to while a trial runs. A trial
 * whose release has written its {@code commit} file is over: the launcher only finalizes it at the next start, so the
 * report says so already (trial false, last committed).
 */
public final class UpdateReport {
    private UpdateReport() {
    }

    public static ObjectNode of(Path stateFile, Path commitFile, String running) throws IOException {
        Optional<UpdateState> read = UpdateState.read(stateFile);
        ObjectNode report = Json.object().put("running", running);
        if (read.isEmpty()) {
            return report.putNull("previous").put("trial", false).putNull("last");
        }
        UpdateState state = read.get();
        String previous = state.previous() != null ? state.previous()
                : state.trial() != null ? state.trial().previous() : null;
        boolean committed = state.trial() != null && Files.isRegularFile(commitFile)
                && state.trial().version().equals(Files.readString(commitFile, StandardCharsets.UTF_8).strip());
        report.put("previous", previous).put("trial", state.trial() != null && !committed);
        if (committed) {
            report.putObject("last").put("version", state.trial().version()).put("result", "committed");
        } else if (state.last() == null) {
            report.putNull("last");
        } else {
            ObjectNode last = report.putObject("last").put("version", state.last().version()).put("result", state.last().result());
            if (state.last().reason() != null) {
                last.put("reason", state.last().reason());
            }
        }
        return report;
    }
}
