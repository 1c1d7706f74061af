package vn.motcua.common.management;

import org.eclipse.californium.core.CoapResource;

/** The device's CoAP management server as the apps see it: they add their own resources (e.g. /sim/printer). */
public interface Management {
    /** Adds a resource at the root, or under an existing one when its name contains slashes ("sim/printer"). */
    void add(String path, CoapResource resource);

    /** Tells Observe clients of /telemetry that something they watch changed. */
    void telemetryChanged();
}
