package vn.motcua.common.management;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
    private Layer lower;

    StreamingBlockwiseLayer(String tag, Configuration config, EndpointContextMatcher matcher, Predicate<Request> streamed) {
        this.blockwise = new BlockwiseLayer(tag, false, config, matcher);
        this.streamed = streamed;
        // the stock layer links both ways with what it is given: it gets stand-ins that pass its messages on
        blockwise.setUpperLayer(new PassOn(() -> upper));
        blockwise.setLowerLayer(new PassOn(() -> lower));
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
        if (lower != layer) {
            lower = layer;
            layer.setUpperLayer(this);
        }
    }

    @Override
    public void setUpperLayer(Layer layer) {
        if (upper != layer) {
            upper = layer;
            layer.setLowerLayer(this);
        }
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

    /** Passes every message on to a neighbour of this layer; takes no part in linking, starting or stopping. */
    private static final class PassOn implements Layer {
        private final Supplier<Layer> to;

        PassOn(Supplier<Layer> to) {
            this.to = to;
        }

        @Override
        public void sendRequest(Exchange exchange, Request request) {
            to.get().sendRequest(exchange, request);
        }

        @Override
        public void sendResponse(Exchange exchange, Response response) {
            to.get().sendResponse(exchange, response);
        }

        @Override
        public void sendEmptyMessage(Exchange exchange, EmptyMessage message) {
            to.get().sendEmptyMessage(exchange, message);
        }

        @Override
        public void receiveRequest(Exchange exchange, Request request) {
            to.get().receiveRequest(exchange, request);
        }

        @Override
        public void receiveResponse(Exchange exchange, Response response) {
            to.get().receiveResponse(exchange, response);
        }

        @Override
        public void receiveEmptyMessage(Exchange exchange, EmptyMessage message) {
            to.get().receiveEmptyMessage(exchange, message);
        }

        @Override
        public void setLowerLayer(Layer layer) {
            // linked once, by the layer it stands beside
        }

        @Override
        public void setUpperLayer(Layer layer) {
            // linked once, by the layer it stands beside
        }

        @Override
        public void setExecutors(ScheduledExecutorService mainExecutor, ScheduledExecutorService secondaryExecutor) {
            // the real neighbour gets its executors from the stack
        }

        @Override
        public void start() {
            // the real neighbour is started by the stack
        }

        @Override
        public void destroy() {
            // the real neighbour is destroyed by the stack
        }
    }
}
