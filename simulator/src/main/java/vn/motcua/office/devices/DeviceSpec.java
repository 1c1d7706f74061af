package vn.motcua.office.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import vn.motcua.common.identity.DeviceKind;

/**
 * One device of the office: its id and kind, the jar that runs it, its CoAP port, the identity it is given
 * and the config the district puts to it; {@code counter} and {@code screenPort} are 0 where they do not apply.
 */
public record DeviceSpec(String deviceId, DeviceKind kind, Path jar, int coapPort, int counter, int screenPort,
                         ObjectNode identity, ObjectNode config) {
}
