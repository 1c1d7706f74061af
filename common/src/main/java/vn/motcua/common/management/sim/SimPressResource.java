package vn.motcua.common.management.sim;

import java.nio.charset.StandardCharsets;
import vn.motcua.common.hardware.sim.SimButtons;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;

/** {@code POST /sim/press} with a button name: presses the simulated button through the real GPIO code path. */
public final class SimPressResource implements DeviceResource {
    private final SimButtons buttons;

    public SimPressResource(SimButtons buttons) {
        this.buttons = buttons;
    }

    @Override
    public String title() {
        return "press a simulated button: payload = name";
    }

    @Override
    public Reply post(byte[] body) {
        String name = new String(body, StandardCharsets.UTF_8).strip();
        if (buttons.press(name)) {
            return Reply.changed();
        }
        return Reply.notFound("no button named \"" + name + "\"; buttons: " + buttons.names());
    }
}
