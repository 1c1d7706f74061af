package vn.motcua.common.management;

/**
 * The device's management server as the apps see it: they add their own resources (e.g. /sim/printer), written
 * against {@link DeviceResource}, so no device module imports the CoAP library.
 */
public interface Management {
    /** Adds a resource at {@code path}; parents that do not exist yet are made ("sim/printer" under "sim"). */
    void add(String path, DeviceResource resource);

    /** Tells Observe clients of /telemetry that something they watch changed. */
    void telemetryChanged();
}
