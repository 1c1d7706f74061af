package vn.motcua.common.health;

import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/**
 * TEST ONLY: {@code -Dmotcua.test.hang=<component>} makes that component's loop block forever at its second beat, so
 * that tests can watch the watchdog strike. Never set on a device; this is the only place the property is read.
 */
public final class TestHang {
    private static final String HUNG = System.getProperty("motcua.test.hang", "");

    private TestHang() {
    }

    /** Blocks the calling thread forever, interrupts included, when {@code component} is the one asked to hang. */
    public static void blockIfAsked(String component) {
        if (HUNG.isEmpty() || !HUNG.equals(component)) {
            return;
        }
        Logger.warn("test hook motcua.test.hang: the {} loop blocks forever now", component);
        while (true) {
            LockSupport.park();
        }
    }
}
