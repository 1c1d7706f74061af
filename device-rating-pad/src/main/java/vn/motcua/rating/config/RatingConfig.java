package vn.motcua.rating.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.DeviceConfig;

/** The rating pad's runtime config (SPEC section 6). */
public record RatingConfig(CommonConfig common, List<Reason> reasons, int reasonTimeoutSeconds, int cooldownSeconds,
                           JsonNode json) implements DeviceConfig {
    public static final int DEFAULT_REASON_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_COOLDOWN_SECONDS = 20;

    public RatingConfig {
        reasons = List.copyOf(reasons);
    }
}
