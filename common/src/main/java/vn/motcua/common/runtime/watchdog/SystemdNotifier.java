package vn.motcua.common.runtime.watchdog;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import org.tinylog.Logger;

/**
 * {@link Notifier} through libsystemd's {@code sd_notify(0, state)}, called with JNA (JDK 17 has no Unix datagram
 * sockets). Without {@code NOTIFY_SOCKET} (not started by systemd as {@code Type=notify}) or without libsystemd it sends
 * nothing, and says so once in the log.
 */
public final class SystemdNotifier implements Notifier {
    /** The part of libsystemd the runtime uses. */
    interface LibSystemd extends Library {
        int sd_notify(int unsetEnvironment, String state);
    }

    private final LibSystemd lib;

    private SystemdNotifier(LibSystemd lib) {
        this.lib = lib;
    }

    /** A notifier for this process's environment: libsystemd when {@code NOTIFY_SOCKET} is set, else one that sends nothing. */
    public static Notifier fromEnvironment(Map<String, String> env) {
        if (env.get("NOTIFY_SOCKET") == null) {
            Logger.info("NOTIFY_SOCKET not set (not run by systemd as Type=notify): no readiness or watchdog notifications");
            return state -> { };
        }
        for (String name : new String[] {"libsystemd.so.0", "systemd"}) {
            try {
                return new SystemdNotifier(Native.load(name, LibSystemd.class));
            } catch (UnsatisfiedLinkError e) {
                Logger.debug("{} not loaded: {}", name, e.getMessage());
            }
        }
        Logger.warn("libsystemd cannot be loaded: no readiness or watchdog notifications to systemd");
        return state -> { };
    }

    @Override
    public void send(String state) {
        int r = lib.sd_notify(0, state);
        if (r < 0) {
            Logger.warn("sd_notify({}) failed with error {}", state.replace('\n', ' '), -r);
        }
    }
}
