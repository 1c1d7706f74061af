package vn.motcua.ticket.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.DeviceConfig;

/** The ticket printer's runtime config (SPEC section 6). */
public record TicketConfig(CommonConfig common, List<Service> services, TicketTexts ticket, int minIntervalMillis,
                           JsonNode json) implements DeviceConfig {
    public static final int DEFAULT_MIN_INTERVAL_MILLIS = 1500;

    public Optional<Service> serviceOnButton(String button) {
        return services.stream().filter(s -> s.button().equals(button)).findFirst();
    }

    public Optional<Service> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
