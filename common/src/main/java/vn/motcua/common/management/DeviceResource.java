package vn.motcua.common.management;

/**
 * A management resource as a device module writes it, with no CoAP library in sight: it answers GET, PUT and POST
 * with a {@link Reply}; the management server adapts it to Californium. A method it does not override is refused.
 */
public interface DeviceResource {
    /** What the resource is for, listed in {@code /.well-known/core}. */
    String title();

    default Reply get() {
        return Reply.notAllowed();
    }

    default Reply put(byte[] body) {
        return Reply.notAllowed();
    }

    default Reply post(byte[] body) {
        return Reply.notAllowed();
    }
}
