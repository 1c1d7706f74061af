package vn.motcua.common.management.sim;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.hardware.sim.SimButtons;

/** {@code POST /sim/press} with a button name: presses the simulated button through the real GPIO code path. */
public final class SimPressResource extends CoapResource {
    private final SimButtons buttons;

    public SimPressResource(SimButtons buttons) {
        super("press");
        this.buttons = buttons;
        getAttributes().setTitle("press a simulated button: payload = name");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        String name = exchange.getRequestText().strip();
        if (buttons.press(name)) {
            exchange.respond(ResponseCode.CHANGED);
        } else {
            exchange.respond(ResponseCode.NOT_FOUND, "no button named \"" + name + "\"; buttons: " + buttons.names());
        }
    }
}
