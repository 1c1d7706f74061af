package vn.motcua.common.testing;

import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one guard for tests that talk to a real peer (Mosquitto, libcoap, RabbitMQ, Chromium, a built device jar, root).
 * A missing peer skips the test in a developer's run, and fails it under {@code ./motcua test} and CI, which set
 * {@code -Dmotcua.peers=required} (or {@code MOTCUA_PEERS=required}; the property wins when both are set), so a green
 * run there means every peer was used.
 */
public final class RealPeers {
    /** The system property, and environment variable, that make a missing peer a failure. */
    public static final String PROPERTY = "motcua.peers";
    public static final String ENV = "MOTCUA_PEERS";

    private RealPeers() {
    }

    /** Returns when {@code present}; otherwise fails the test if peers are required, or skips it. */
    public static void require(String peer, boolean present) {
        if (present) {
            return;
        }
        String why = peer + " is missing (./motcua test installs it as root)";
        if (required()) {
            Assertions.fail(why + "; under ./motcua test a missing real peer is a failure, not a skip");
        }
        Assumptions.abort(why + "; skipped because " + PROPERTY + " is not 'required'");
    }

    /** Whether this run must have every real peer (set by {@code ./motcua test}). */
    public static boolean required() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            value = System.getenv(ENV);
        }
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("required");
    }
}
