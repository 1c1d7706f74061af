package vn.motcua.common.management;

import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * An {@link UploadResource} on Californium. The management stack does not reassemble Block1 requests to this path
 * (see {@link StreamingBlockwiseLayer}), so each block arrives here as it comes: it is handed over with its offset,
 * and the answer acknowledges the block (Block1 echoed, as RFC 7959 asks) when the resource took it.
 */
final class UploadAdapter extends ResourceAdapter {
    private final UploadResource resource;

    UploadAdapter(String name, UploadResource resource) {
        super(name, resource);
        this.resource = resource;
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        Request request = exchange.advanced().getRequest();
        OptionSet options = request.getOptions();
        BlockOption block1 = options.getBlock1();
        byte[] payload = request.getPayload();
        long declared = options.hasSize1() ? Integer.toUnsignedLong(options.getSize1()) : -1;
        UploadResource.Block block = block1 == null
                ? new UploadResource.Block(0, payload, false, payload.length)
                : new UploadResource.Block(block1.getOffset(), payload, block1.isM(), declared);
        Reply reply = resource.putBlock(block);
        Response response = response(reply);
        if (block1 != null && (reply.status() == Reply.Status.CONTINUE || reply.status() == Reply.Status.CHANGED)) {
            response.getOptions().setBlock1(block1.getSzx(), reply.status() == Reply.Status.CONTINUE, block1.getNum());
        }
        if (reply.status() == Reply.Status.TOO_LARGE) {
            response.getOptions().setSize1((int) Math.min(Integer.MAX_VALUE, resource.maxBodySize()));
        }
        exchange.respond(response);
    }
}
