package vn.motcua.common.management;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.stack.BlockwiseLayer;
import org.eclipse.californium.core.network.stack.Layer;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Californium's block-wise layer, except for the Block1 requests of streamed resources ({@code PUT /update}).
 * Californium 3.14 reassembles every Block1 body in memory (up to MAX_RESOURCE_BODY_SIZE, one limit for all
 * resources) before any resource sees it; a 64 MiB bundle does not fit a 96 MB heap. Those requests go up unchanged,
 * block by block, to the resource, which streams them to disk and answers each with its own Block1 option.
 * Everything else (the /config bodies up to 1 MiB, Block2 answers) is the stock layer's.
 */
final class StreamingBlockwiseLayer implements Layer {
    private final BlockwiseLayer blockwise;
    private final Predicate<Request> streamed;
    private Layer upper;

    StreamingBlockwiseLayer(String tag, Configuration config, EndpointContextMatcher matcher, Predicate<Request> streamed) {
        this.blockwise = new BlockwiseLayer(tag, false, config, matcher);
        this.streamed = streamed;
    }

    @Override
    public void receiveRequest(Exchange exchange, Request request) {
        if (request.getOptions().hasBlock1() && streamed.test(request)) {
            upper.receiveRequest(exchange, request);
        } else {
            blockwise.receiveRequest(exchange, request);
        }
    }

    @Override
    public void sendRequest(Exchange exchange, Request request) {
        blockwise.sendRequest(exchange, request);
    }

    @Override
    public void sendResponse(Exchange exchange, Response response) {
        blockwise.sendResponse(exchange, response);
    }

    @Override
    public void sendEmptyMessage(Exchange exchange, EmptyMessage message) {
        blockwise.sendEmptyMessage(exchange, message);
    }

    @Override
    public void receiveResponse(Exchange exchange, Response response) {
        blockwise.receiveResponse(exchange, response);
    }

    @Override
    public void receiveEmptyMessage(Exchange exchange, EmptyMessage message) {
        blockwise.receiveEmptyMessage(exchange, message);
    }

    @Override
    public void setLowerLayer(Layer layer) {
        blockwise.setLowerLayer(layer);
    }

    @Override
    public void setUpperLayer(Layer layer) {
        this.upper = layer;
        blockwise.setUpperLayer(layer);
    }

    @Override
    public void setExecutors(ScheduledExecutorService mainExecutor, ScheduledExecutorService secondaryExecutor) {
        blockwise.setExecutors(mainExecutor, secondaryExecutor);
    }

    @Override
    public void start() {
        blockwise.start();
    }

    @Override
    public void destroy() {
        blockwise.destroy();
    }
}
