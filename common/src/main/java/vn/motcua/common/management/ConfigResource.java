package vn.motcua.common.management;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.config.ConfigService;
import vn.motcua.common.json.Json;

/** {@code /config}: GET the current config with its version as ETag; PUT a new one (SPEC section 5). */
final class ConfigResource extends CoapResource {
    private final ConfigService<?> configs;

    ConfigResource(ConfigService<?> configs) {
        super("config");
        this.configs = configs;
        getAttributes().setTitle("runtime config");
        getAttributes().addContentType(50);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        var current = configs.current();
        exchange.setETag(etag(current.version()));
        Responses.json(exchange, ResponseCode.CONTENT, Json.write(current.json()));
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        List<byte[]> ifMatch = exchange.getRequestOptions().getIfMatch();
        String match = ifMatch.isEmpty() ? null : new String(ifMatch.get(0), StandardCharsets.US_ASCII);
        ConfigService.PutResult result = configs.put(exchange.getRequestText(), match);
        switch (result.outcome()) {
            case APPLIED -> {
                exchange.setETag(etag(result.currentVersion()));
                exchange.respond(ResponseCode.CHANGED);
            }
            case STALE_VERSION -> Responses.errors(exchange, ResponseCode.CONFLICT, result.errors());
            case PRECONDITION_FAILED -> Responses.errors(exchange, ResponseCode.PRECONDITION_FAILED, result.errors());
            case APPLY_FAILED, NOT_STORED -> Responses.errors(exchange, ResponseCode.INTERNAL_SERVER_ERROR, result.errors());
            case MALFORMED, INVALID -> Responses.errors(exchange, ResponseCode.BAD_REQUEST, result.errors());
        }
    }

    static byte[] etag(long version) {
        return String.valueOf(version).getBytes(StandardCharsets.US_ASCII);
    }
}
