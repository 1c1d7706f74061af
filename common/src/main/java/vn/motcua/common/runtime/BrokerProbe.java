package vn.motcua.common.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;

/**
 * Whether any broker node answers a TCP connect: a release on trial that cannot connect to a broker that is there
 * is not healthy, one whose broker is away (a network cut) is not held against it.
 */
final class BrokerProbe {
    private static final int TIMEOUT_MILLIS = 500;

    private BrokerProbe() {
    }

    static boolean anyReachable(List<String> uris) {
        for (String uri : uris) {
            URI u = URI.create(uri);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), TIMEOUT_MILLIS);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // this node is away; try the next
            }
        }
        return false;
    }
}
