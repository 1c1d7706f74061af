package vn.motcua.common.config;

/** One problem with a config body: where it is (a JSON path such as {@code services[1].code}) and what is wrong. */
public record ConfigError(String path, String message) {
}
