package vn.motcua.common.update;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
import java.util.ArrayList;
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
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UpdateState(
        @JsonProperty("running") String running,
        @JsonProperty("previous") String previous,
        @JsonProperty("trial") Trial trial,
        @JsonProperty("refused") List<String> refused,
        @JsonProperty("last") Last last) {
    /** Json's mapper, with {@code since} as ISO-8601 text ({@code 2026-12-02T00:40:00Z}). */
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new SimpleModule()
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.toString());
                }
            })
            .addDeserializer(Instant.class, new JsonDeserializer<>() {
                @Override
                public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    return Instant.parse(p.getValueAsString());
                }
            }));

    public UpdateState {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A release on trial: how many times the launcher started it, and since when it runs on trial. */
    public record Trial(@JsonProperty("version") String version, @JsonProperty("previous") String previous,
                        @JsonProperty("starts") int starts, @JsonProperty("since") Instant since) {
        public Trial withStarts(int n) {
            return new Trial(version, previous, n, since);
        }
    }

    /** The last result of an update, for {@code GET /update} and for the event the runtime records once. */
    public record Last(@JsonProperty("id") long id, @JsonProperty("version") String version,
                       @JsonProperty("result") String result, @JsonProperty("reason") String reason,
                       @JsonProperty("to") String to) {
    }

    public static UpdateState initial(String running) {
        return new UpdateState(running, null, null, List.of(), null);
    }

    /** The state in {@code file}, or empty when there is none yet. */
    public static Optional<UpdateState> read(Path file) throws IOException {
        try {
            return Optional.of(MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), UpdateState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes the state atomically and durably (temporary file, fsync, rename, fsync of the directory). */
    public void write(Path file) throws IOException {
        writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
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
