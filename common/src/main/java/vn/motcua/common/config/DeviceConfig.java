package vn.motcua.common.config;

import com.fasterxml.jackson.databind.JsonNode;

/** A kind's whole runtime config: the common fields plus the kind's own, and the JSON it came from. */
public interface DeviceConfig {
    CommonConfig common();

    /** The body as the district sent it (or the defaults as JSON), served back by GET /config. */
    JsonNode json();

    default long version() {
        return common().version();
    }
}
