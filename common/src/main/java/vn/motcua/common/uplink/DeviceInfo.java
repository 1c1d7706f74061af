package vn.motcua.common.uplink;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** What the birth message and telemetry say about the device: kind, version, config version, telemetry. */
public record DeviceInfo(String kind, String version, LongSupplier configVersion, Supplier<String> telemetry) {
}
