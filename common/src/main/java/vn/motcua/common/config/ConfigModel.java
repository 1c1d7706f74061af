package vn.motcua.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A kind's config schema: its built-in defaults (version 0) and a validator that finds every error with its path. */
public interface ConfigModel<C extends DeviceConfig> {
    C defaults();

    /** Validates a body; returns the config, or every error found (unknown fields included). */
    Parsed<C> parse(JsonNode body);

    /** The outcome of {@link #parse}: exactly one of config and errors is meaningful. */
    record Parsed<C>(C config, List<ConfigError> errors) {
        public static <C> Parsed<C> ok(C config) {
            return new Parsed<>(config, List.of());
        }

        public static <C> Parsed<C> failed(List<ConfigError> errors) {
            return new Parsed<>(null, List.copyOf(errors));
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
