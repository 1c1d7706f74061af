package vn.motcua.common.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.Hardware;
import vn.motcua.common.hardware.LedState;

/** The identify action: every LED blinks and the display shows the device id for 10 s, then both are restored. */
final class Identify implements Actions.Action {
    static final Duration HOW_LONG = Duration.ofSeconds(10);

    private final Hardware hardware;
    private final String deviceId;
    private final ScheduledExecutorService scheduler;
    private boolean running;

    Identify(Hardware hardware, String deviceId, ScheduledExecutorService scheduler) {
        this.hardware = hardware;
        this.deviceId = deviceId;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized String run() {
        if (running) {
            return "already identifying";
        }
        running = true;
        Map<String, LedState> leds = new HashMap<>();
        hardware.leds().names().forEach(n -> leds.put(n, hardware.leds().state(n)));
        List<String> shown = hardware.display().map(d -> List.copyOf(d.lines())).orElse(List.of());
        hardware.leds().setAll(LedState.BLINK);
        hardware.display().ifPresent(d -> d.show(List.of("THIET BI / DEVICE", deviceId)));
        Logger.info("identifying: LEDs blink and the display shows {} for {} s", deviceId, HOW_LONG.toSeconds());
        scheduler.schedule(() -> restore(leds, shown), HOW_LONG.toMillis(), TimeUnit.MILLISECONDS);
        return "identifying for " + HOW_LONG.toSeconds() + " s";
    }

    private synchronized void restore(Map<String, LedState> leds, List<String> shown) {
        leds.forEach(hardware.leds()::set);
        hardware.display().ifPresent(d -> d.show(shown));
        running = false;
    }
}
