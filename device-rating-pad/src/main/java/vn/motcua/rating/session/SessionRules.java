package vn.motcua.rating.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.rating.config.RatingConfig;
import vn.motcua.rating.config.Reason;

/** The configurable part of the rating rules: the reasons offered, how long they are offered, the cooldown. */
public record SessionRules(List<Reason> reasons, Duration reasonTimeout, Duration cooldown, BusinessDay days) {
    public SessionRules {
        reasons = List.copyOf(reasons);
    }

    public static SessionRules of(RatingConfig config, java.time.ZoneId zone) {
        return new SessionRules(config.reasons(), Duration.ofSeconds(config.reasonTimeoutSeconds()),
                Duration.ofSeconds(config.cooldownSeconds()), config.common().businessDay(zone));
    }

    public Optional<Reason> reasonOnButton(String button) {
        return reasons.stream().filter(r -> r.button().equals(button)).findFirst();
    }
}
