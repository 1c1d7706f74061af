package vn.motcua.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateException;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;

/**
 * The config lifecycle: built-in defaults (version 0) until the district's first PUT; a new body is checked
 * (If-Match, version, validation), stored durably (staged), applied live, and made current together with its
 * {@code config.applied} event. A body that cannot be stored is never applied; one that fails to apply, or whose
 * making current fails, leaves the previous config running and current in the store.
 */
public final class ConfigService<C extends DeviceConfig> {
    /** How a PUT ended, mapped by the CoAP resource to a response code. */
    public enum Outcome { APPLIED, MALFORMED, INVALID, STALE_VERSION, PRECONDITION_FAILED, APPLY_FAILED, NOT_STORED }

    /** The result of a PUT: the outcome, the errors (for 4.00) and the version now current. */
    public record PutResult(Outcome outcome, List<ConfigError> errors, long currentVersion) {
    }

    /** Applies a config to the live device; throwing refuses it. */
    @FunctionalInterface
    public interface Applier<C> {
        void apply(C config) throws Exception;
    }

    private final ConfigModel<C> model;
    private final ConfigStore store;
    private final StateStore state;
    private final EventLog events;
    private final Clock clock;
    private final List<Consumer<C>> listeners = new CopyOnWriteArrayList<>();
    private volatile C current;
    private Applier<C> applier = c -> { };

    public ConfigService(ConfigModel<C> model, StateStore state, EventLog events, Clock clock) {
        this.model = model;
        this.store = new ConfigStore(state);
        this.state = state;
        this.events = events;
        this.clock = clock;
    }

    /** Loads the stored config (or the defaults); a stored body that no longer validates falls back to defaults. */
    public C load() {
        current = store.current().map(this::parseStored).orElseGet(model::defaults);
        return current;
    }

    public void setApplier(Applier<C> applier) {
        this.applier = applier;
    }

    /** Hears of every config applied (after it is stored). */
    public void addListener(Consumer<C> listener) {
        listeners.add(listener);
    }

    public C current() {
        return current;
    }

    public long version() {
        C c = current;
        return c == null ? 0 : c.version();
    }

    /** Handles a PUT body; {@code ifMatch} is the request's If-Match ETag text, or null when absent. */
    public synchronized PutResult put(String body, String ifMatch) {
        C previous = current;
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (JsonProcessingException e) {
            return rejected(Outcome.MALFORMED, List.of(new ConfigError("", "malformed JSON: " + e.getOriginalMessage())),
                    null, null);
        }
        if (ifMatch != null && !ifMatch.equals(String.valueOf(previous.version()))) {
            return new PutResult(Outcome.PRECONDITION_FAILED, List.of(new ConfigError("",
                    "If-Match " + ifMatch + " is not the current version " + previous.version())), previous.version());
        }
        JsonNode v = json.path("version");
        if (v.isIntegralNumber() && v.asLong() <= previous.version()) {
            return new PutResult(Outcome.STALE_VERSION, List.of(new ConfigError("version",
                    "must be greater than the current version " + previous.version())), previous.version());
        }
        ConfigModel.Parsed<C> parsed = model.parse(json);
        if (!parsed.valid()) {
            return rejected(Outcome.INVALID, parsed.errors(), v.isIntegralNumber() ? v.asLong() : null, null);
        }
        C next = parsed.config();
        try {
            state.inTransaction(tx -> {
                store.stage(tx, next.version(), Json.write(json), previous.version(), clock.millis());
                return null;
            });
        } catch (StateException e) {
            Logger.error("config version {} not stored ({}); not applied, version {} keeps running", next.version(),
                    e.getMessage(), previous.version());
            return rejected(Outcome.NOT_STORED, notStored(e), next.version(), null);
        }
        try {
            applier.apply(next);
        } catch (Exception e) {
            Logger.error(e, "config version {} failed to apply; rolling back to version {}", next.version(), previous.version());
            reapply(previous);
            return rejected(Outcome.APPLY_FAILED, List.of(new ConfigError("", "failed to apply: " + e.getMessage())),
                    next.version(), tx -> store.discard(tx, next.version()));
        }
        try {
            state.inTransaction(tx -> {
                store.makeCurrent(tx, next.version());
                return events.record(tx, "config.applied", Json.object().put("version", next.version()));
            });
        } catch (StateException e) {
            Logger.error("config version {} applied but not made current ({}); rolling back to version {}",
                    next.version(), e.getMessage(), previous.version());
            reapply(previous);
            return rejected(Outcome.NOT_STORED, notStored(e), next.version(), null);
        }
        current = next;
        Logger.info("config version {} applied (was {})", next.version(), previous.version());
        listeners.forEach(l -> l.accept(next));
        return new PutResult(Outcome.APPLIED, List.of(), next.version());
    }

    /**
     * Records {@code config.rejected} (with {@code alsoInTx}, when given, in the same transaction); a state disk that
     * refuses it does not change the answer, it is only logged.
     */
    private PutResult rejected(Outcome outcome, List<ConfigError> errors, Long version, Consumer<Tx> alsoInTx) {
        var data = Json.object();
        if (version != null) {
            data.put("version", version);
        } else {
            data.putNull("version");
        }
        ArrayNode list = data.putArray("errors");
        errors.forEach(e -> list.addObject().put("path", e.path()).put("message", e.message()));
        try {
            state.inTransaction(tx -> {
                if (alsoInTx != null) {
                    alsoInTx.accept(tx);
                }
                return events.record(tx, "config.rejected", data);
            });
        } catch (StateException e) {
            Logger.error("config.rejected for {} not recorded: {}", version == null ? "(no version)" : version, e.getMessage());
        }
        Logger.warn("config {} rejected: {} error(s), first: {} {}", version == null ? "(no version)" : version,
                errors.size(), errors.get(0).path(), errors.get(0).message());
        return new PutResult(outcome, errors, current.version());
    }

    private static List<ConfigError> notStored(StateException e) {
        String why = e.fault().map(f -> "the state disk refuses writes (" + f.wire() + ")").orElse(e.getMessage());
        return List.of(new ConfigError("", "not stored: " + why + "; the running config is unchanged"));
    }

    private void reapply(C previous) {
        try {
            applier.apply(previous);
        } catch (Exception e) {
            Logger.error(e, "re-applying config version {} failed too; the device keeps running as it is", previous.version());
        }
    }

    private C parseStored(String body) {
        try {
            ConfigModel.Parsed<C> p = model.parse(Json.parse(body));
            if (p.valid()) {
                return p.config();
            }
            Logger.error("the stored config no longer validates ({}); running the built-in defaults", p.errors().get(0));
        } catch (JsonProcessingException e) {
            Logger.error("the stored config is not JSON ({}); running the built-in defaults", e.getOriginalMessage());
        }
        return model.defaults();
    }
}
