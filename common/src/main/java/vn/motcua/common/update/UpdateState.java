package vn.motcua.common.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import vn.motcua.common.json.Json;

/**
 * The launcher's durable record, {@code update.json} beside the releases (root-owned; the runtime only reads it):
 * <pre>{
 *   "running": "0.2.0",            the committed release (what "current" points at when no trial runs)
 *   "previous": "0.1.0",           the release kept to go back to, while a trial runs; else null
 *   "trial": {"version": "0.2.0", "previous": "0.1.0", "starts": 1, "since": "2026-12-02T00:40:00Z"} or null,
 *   "refused": ["0.3.0"],          versions rolled back (or refused by the launcher): never installed again
 *   "last": {"id": 7, "version": "0.3.0", "result": "committed"|"rolled-back"|"refused",
 *            "reason": null|"crash-loop"|"hung"|"not-healthy"|"bad-signature"|..., "to": "0.2.0"|null} or null
 * }</pre>
 * {@code last.id} grows by one per result, so the runtime records each result's event exactly once.
 * Written whole to a temporary file, synced, and renamed over the old one: a power cut leaves the old or the new.
 */
public record UpdateState(String running, String previous, Trial trial, List<String> refused, Last last) {
    public UpdateState {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A release on trial: how many times the launcher started it, and since when it runs on trial. */
    public record Trial(String version, String previous, int starts, Instant since) {
        public Trial withStarts(int n) {
            return new Trial(version, previous, n, since);
        }
    }

    /** The last result of an update, for {@code GET /update} and for the event the runtime records once. */
    public record Last(long id, String version, String result, String reason, String to) {
    }

    public static UpdateState initial(String running) {
        return new UpdateState(running, null, null, List.of(), null);
    }

    /** The state in {@code file}, or empty when there is none yet. */
    public static Optional<UpdateState> read(Path file) throws IOException {
        try {
            return Optional.of(fromJson(Json.parse(Files.readAllBytes(file)), file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes the state atomically and durably (temporary file, fsync, rename, fsync of the directory). */
    public void write(Path file) throws IOException {
        writeAtomically(file, Json.writePretty(toJson()).getBytes(StandardCharsets.UTF_8));
    }

    /** The record as a tree: every field, null ones too, in the order of the example above. */
    public ObjectNode toJson() {
        ObjectNode root = Json.object().put("running", running).put("previous", previous);
        if (trial == null) {
            root.putNull("trial");
        } else {
            root.putObject("trial").put("version", trial.version()).put("previous", trial.previous())
                    .put("starts", trial.starts()).put("since", trial.since() == null ? null : trial.since().toString());
        }
        refused.forEach(root.putArray("refused")::add);
        if (last == null) {
            root.putNull("last");
        } else {
            root.putObject("last").put("id", last.id()).put("version", last.version()).put("result", last.result())
                    .put("reason", last.reason()).put("to", last.to());
        }
        return root;
    }

    /** The record in a tree written by {@link #toJson()}; a field that is missing is null (0 for numbers). */
    static UpdateState fromJson(JsonNode root, Path file) throws IOException {
        Fields f = new Fields(root, file.toString(), "running", "previous", "trial", "refused", "last");
        Trial trial = null;
        Fields t = f.object("trial", "version", "previous", "starts", "since");
        if (t != null) {
            String since = t.text("since");
            try {
                trial = new Trial(t.text("version"), t.text("previous"), (int) t.number("starts"),
                        since == null ? null : Instant.parse(since));
            } catch (DateTimeParseException e) {
                throw new IOException(file + ": trial.since is not an ISO-8601 instant: " + since, e);
            }
        }
        Last last = null;
        Fields l = f.object("last", "id", "version", "result", "reason", "to");
        if (l != null) {
            last = new Last(l.number("id"), l.text("version"), l.text("result"), l.text("reason"), l.text("to"));
        }
        return new UpdateState(f.text("running"), f.text("previous"), trial, f.texts("refused"), last);
    }

    /** The fields of one JSON object of the file: only the known ones, each of its type or null. */
    private record Fields(JsonNode node, String where) {
        Fields(JsonNode node, String where, String... known) throws IOException {
            this(node, where);
            if (!node.isObject()) {
                throw new IOException(where + " is not a JSON object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!List.of(known).contains(name)) {
                    throw new IOException(where + " has an unknown field '" + name + "'");
                }
            }
        }

        private JsonNode get(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        String text(String name) throws IOException {
            JsonNode v = get(name);
            if (v != null && !v.isTextual()) {
                throw new IOException(where + ": " + name + " is not a string");
            }
            return v == null ? null : v.textValue();
        }

        long number(String name) throws IOException {
            JsonNode v = get(name);
            if (v != null && !v.canConvertToExactIntegral()) {
                throw new IOException(where + ": " + name + " is not a whole number");
            }
            return v == null ? 0 : v.asLong();
        }

        List<String> texts(String name) throws IOException {
            JsonNode v = get(name);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new IOException(where + ": " + name + " is not an array");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw new IOException(where + ": " + name + " holds something other than strings");
                }
                list.add(e.textValue());
            }
            return list;
        }

        Fields object(String name, String... known) throws IOException {
            JsonNode v = get(name);
            return v == null ? null : new Fields(v, where + ": " + name, known);
        }
    }

    public boolean refuses(String version) {
        return refused.contains(version);
    }

    public UpdateState withTrial(Trial t) {
        return new UpdateState(running, previous, t, refused, last);
    }

    /** The next result record, numbered one after the last. */
    public Last nextLast(String version, String result, String reason, String to) {
        return new Last(last == null ? 1 : last.id() + 1, version, result, reason, to);
    }

    public UpdateState with(String running, String previous, Trial trial, List<String> refused, Last last) {
        return new UpdateState(running, previous, trial, refused, last);
    }

    public List<String> refusedPlus(String version) {
        List<String> list = new ArrayList<>(refused);
        if (!list.contains(version)) {
            list.add(version);
        }
        return list;
    }

    /** Writes {@code bytes} to {@code file} so that a power cut leaves either the old content or the new. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(dir);
    }

    /** Syncs a directory so a rename in it survives a power cut (a no-op where the platform cannot). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory for sync; the rename is then as durable as they make it
        }
    }
}
