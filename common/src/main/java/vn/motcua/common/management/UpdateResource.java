package vn.motcua.common.management;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.tinylog.Logger;
import vn.motcua.common.update.UpdateIntake;
import vn.motcua.common.update.UpdateReport;

/**
 * {@code /update} (SPEC §5): PUT a signed bundle block-wise (streamed to disk by {@link UpdateIntake}), GET the
 * update status. Refusals: bad signature or no key 4.03, malformed or wrong kind 4.00, not newer, rolled back before
 * or another update under way 4.09, over 64 MiB 4.13; a block out of order 4.08.
 */
public final class UpdateResource implements UploadResource {
    private final UpdateIntake intake;
    private final Path stateFile;
    private final Path commitFile;
    private final Supplier<String> running;

    public UpdateResource(UpdateIntake intake, Path stateFile, Path commitFile, Supplier<String> running) {
        this.intake = intake;
        this.stateFile = stateFile;
        this.commitFile = commitFile;
        this.running = running;
    }

    @Override
    public String title() {
        return "release update: PUT a signed bundle (block-wise), GET the status";
    }

    @Override
    public long maxBodySize() {
        return UpdateIntake.MAX_BUNDLE_BYTES;
    }

    @Override
    public Reply get() {
        try {
            return Reply.json(UpdateReport.of(stateFile, commitFile, running.get()));
        } catch (IOException | RuntimeException e) {
            Logger.error("update.json unreadable: {}", e.getMessage());
            return Reply.text(Reply.Status.SERVER_ERROR, "the update record cannot be read: " + e.getMessage());
        }
    }

    @Override
    public Reply putBlock(Block block) {
        UpdateIntake.Outcome outcome = intake.block(block.offset(), block.payload(), block.more(), block.declaredSize());
        return switch (outcome.step()) {
            case CONTINUE -> new Reply(Reply.Status.CONTINUE, new byte[0], Reply.Format.NONE);
            case STAGED -> Reply.text(Reply.Status.CHANGED, outcome.message());
            case OUT_OF_ORDER -> Reply.text(Reply.Status.INCOMPLETE, outcome.message());
            case FAILED -> Reply.text(Reply.Status.SERVER_ERROR, outcome.message());
            case REFUSED -> Reply.text(switch (outcome.refusal()) {
                case BAD_SIGNATURE, NO_KEY -> Reply.Status.FORBIDDEN;
                case WRONG_KIND, MALFORMED -> Reply.Status.BAD_REQUEST;
                case NOT_NEWER, ROLLED_BACK, BUSY -> Reply.Status.CONFLICT;
                case TOO_LARGE -> Reply.Status.TOO_LARGE;
            }, outcome.message());
        };
    }
}
