package vn.motcua.ctl;

import java.util.Map;
import java.util.function.Supplier;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.ticket.config.TicketConfigModel;

/** Each kind's config model: the same validation the devices run, so a check here predicts a device's 4.00. */
final class ConfigModels {
    private static final Map<String, Supplier<ConfigModel<?>>> MODELS = Map.of(
            "ticket-printer", TicketConfigModel::new,
            "rating-pad", RatingConfigModel::new,
            "kiosk", KioskConfigModel::new);

    private ConfigModels() {
    }

    static boolean known(String kind) {
        return MODELS.containsKey(kind);
    }

    /** The model of a known kind. */
    static ConfigModel<?> forKind(String kind) {
        return MODELS.get(kind).get();
    }
}
