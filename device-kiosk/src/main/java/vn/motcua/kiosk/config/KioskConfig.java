package vn.motcua.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.DeviceConfig;
import vn.motcua.kiosk.procedures.Procedure;

/** The kiosk's runtime config (SPEC section 6) plus the hall display's notice line. */
public record KioskConfig(CommonConfig common, KioskMode mode, List<Procedure> procedures, Pattern dossierCodePattern,
                          int idleSeconds, AnnounceSettings announce, String notice, JsonNode json)
        implements DeviceConfig {
    public static final int DEFAULT_IDLE_SECONDS = 60;
    public static final int MAX_PROCEDURES = 2000;
}
