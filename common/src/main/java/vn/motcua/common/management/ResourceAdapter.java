package vn.motcua.common.management;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** A {@link DeviceResource} on Californium: each handler asks the resource and sends its {@link Reply}. */
class ResourceAdapter extends CoapResource {
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

    static void send(CoapExchange exchange, Reply reply) {
        exchange.respond(response(reply));
    }

    /** The CoAP response for a reply: its code, body and content format. */
    static Response response(Reply reply) {
        Response response = new Response(code(reply.status()));
        if (reply.format() != Reply.Format.NONE) {
            response.setPayload(reply.body());
            response.getOptions().setContentFormat(switch (reply.format()) {
                case TEXT -> MediaTypeRegistry.TEXT_PLAIN;
                case JSON -> MediaTypeRegistry.APPLICATION_JSON;
                case PNG -> MediaTypeRegistry.IMAGE_PNG;
                case NONE -> MediaTypeRegistry.UNDEFINED;
            });
        }
        return response;
    }

    static ResponseCode code(Reply.Status status) {
        return switch (status) {
            case CONTENT -> ResponseCode.CONTENT;
            case CHANGED -> ResponseCode.CHANGED;
            case BAD_REQUEST -> ResponseCode.BAD_REQUEST;
            case NOT_FOUND -> ResponseCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ResponseCode.METHOD_NOT_ALLOWED;
            case CONTINUE -> ResponseCode.CONTINUE;
            case FORBIDDEN -> ResponseCode.FORBIDDEN;
            case INCOMPLETE -> ResponseCode.REQUEST_ENTITY_INCOMPLETE;
            case CONFLICT -> ResponseCode.CONFLICT;
            case TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case SERVER_ERROR -> ResponseCode.INTERNAL_SERVER_ERROR;
        };
    }
}
