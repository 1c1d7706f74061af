package vn.motcua.common.identity;

import vn.motcua.common.hardware.KindHardware;

/** A device's validated identity file: the common part and its kind's typed hardware block. */
public record DeviceIdentity<H extends KindHardware>(Identity identity, H hardware) {
}
