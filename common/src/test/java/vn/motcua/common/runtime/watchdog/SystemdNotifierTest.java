package vn.motcua.common.runtime.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;

class SystemdNotifierTest {
    @Test
    void without_notify_socket_nothing_is_loaded_or_sent() {
        Notifier notifier = SystemdNotifier.fromEnvironment(Map.of());
        assertThat(notifier).isNotInstanceOf(SystemdNotifier.class);
        assertThatCode(() -> notifier.send("READY=1")).doesNotThrowAnyException();
    }

    @Test
    void with_notify_socket_libsystemd_is_loaded_and_called() {
        String socket = TestDirs.create("notify-").resolve("nobody").toString();
        Notifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket));
        assertThat(notifier).isInstanceOf(SystemdNotifier.class);
        assertThatCode(() -> notifier.send("WATCHDOG=1")).doesNotThrowAnyException();
    }
}
