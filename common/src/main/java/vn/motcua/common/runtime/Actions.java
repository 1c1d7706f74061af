package vn.motcua.common.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The named actions of {@code POST /actions/{name}}: the kernel's identify and restart, and the kind's own. */
public final class Actions {
    /** Runs an action; returns a short human-readable outcome, or throws {@link ActionFailed}. */
    @FunctionalInterface
    public interface Action {
        String run() throws ActionFailed;
    }

    /** An action that could not be done now, with the reason (e.g. the printer is out of paper). */
    public static final class ActionFailed extends Exception {
        public ActionFailed(String reason) {
            super(reason);
        }
    }

    private final Map<String, Action> actions = new ConcurrentHashMap<>();

    public void register(String name, Action action) {
        actions.put(name, action);
    }

    public Optional<Action> get(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    public Set<String> names() {
        return Set.copyOf(actions.keySet());
    }
}
