package vn.motcua.common.management;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** A {@link DeviceResource} on Californium: each handler asks the resource and sends its {@link Reply}. */
final class ResourceAdapter extends CoapResource {
    private final DeviceResource resource;

    ResourceAdapter(String name, DeviceResource resource) {
        super(name);
        this.resource = resource;
        getAttributes().setTitle(resource.title());
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        send(exchange, resource.get());
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        send(exchange, resource.put(exchange.getRequestPayload()));
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        send(exchange, resource.post(exchange.getRequestPayload()));
    }

    private static void send(CoapExchange exchange, Reply reply) {
        ResponseCode code = switch (reply.status()) {
            case CONTENT -> ResponseCode.CONTENT;
            case CHANGED -> ResponseCode.CHANGED;
            case BAD_REQUEST -> ResponseCode.BAD_REQUEST;
            case NOT_FOUND -> ResponseCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ResponseCode.METHOD_NOT_ALLOWED;
        };
        switch (reply.format()) {
            case NONE -> exchange.respond(code);
            case TEXT -> exchange.respond(code, reply.body(), MediaTypeRegistry.TEXT_PLAIN);
            case JSON -> exchange.respond(code, reply.body(), MediaTypeRegistry.APPLICATION_JSON);
            case PNG -> exchange.respond(code, reply.body(), MediaTypeRegistry.IMAGE_PNG);
        }
    }
}
