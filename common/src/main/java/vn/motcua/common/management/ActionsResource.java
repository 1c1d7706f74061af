package vn.motcua.common.management;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.Actions;

/** {@code /actions/{name}}: one child resource per registered action, run by POST. */
final class ActionsResource extends CoapResource {
    ActionsResource(Actions actions) {
        super("actions");
        getAttributes().setTitle("actions");
        for (String name : actions.names().stream().sorted().toList()) {
            add(new ActionResource(name, actions));
        }
    }

    private static final class ActionResource extends CoapResource {
        private final Actions actions;

        ActionResource(String name, Actions actions) {
            super(name);
            this.actions = actions;
            getAttributes().setTitle("POST to run " + name);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            Actions.Action action = actions.get(getName()).orElseThrow();
            Logger.info("action {} requested over CoAP", getName());
            try {
                String outcome = action.run();
                Responses.json(exchange, ResponseCode.CHANGED, Json.object().put("action", getName()).put("result", outcome));
            } catch (Actions.ActionFailed e) {
                Logger.warn("action {} could not run: {}", getName(), e.getMessage());
                Responses.error(exchange, ResponseCode.SERVICE_UNAVAILABLE, e.getMessage());
            }
        }
    }
}
