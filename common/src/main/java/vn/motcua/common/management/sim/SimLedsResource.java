package vn.motcua.common.management.sim;

import vn.motcua.common.hardware.Leds;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;

/** {@code GET /sim/leds}: {@code {"<led>":"on"|"off"|"blink"}}. */
public final class SimLedsResource implements DeviceResource {
    private final Leds leds;

    public SimLedsResource(Leds leds) {
        this.leds = leds;
    }

    @Override
    public String title() {
        return "simulated LEDs";
    }

    @Override
    public Reply get() {
        var body = Json.object();
        leds.names().stream().sorted().forEach(n -> body.put(n, leds.state(n).wire()));
        return Reply.json(body);
    }
}
