package vn.motcua.ctl;

import java.util.Map;
import java.util.Optional;
import vn.motcua.common.config.ConfigModel;

/** Each kind's config model, found by class name so that a kind whose module is not in this build is simply not validated. */
final class ConfigModels {
    static final Map<String, String> CLASSES = Map.of(
            "ticket-printer", "vn.motcua.ticket.config.TicketConfigModel",
            "rating-pad", "vn.motcua.rating.config.RatingConfigModel",
            "kiosk", "vn.motcua.kiosk.config.KioskConfigModel");

    private ConfigModels() {
    }

    /** The model of a kind, or empty when its module is not on the class path. */
    static Optional<ConfigModel<?>> forKind(String kind) {
        String name = CLASSES.get(kind);
        if (name == null) {
            return Optional.empty();
        }
        try {
            Object model = Class.forName(name).getDeclaredConstructor().newInstance();
            return model instanceof ConfigModel<?> m ? Optional.of(m) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }
}
