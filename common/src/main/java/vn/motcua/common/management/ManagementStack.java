package vn.motcua.common.management;

import java.util.function.Predicate;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.ExtendedCoapStackFactory;
import org.eclipse.californium.core.network.Outbox;
import org.eclipse.californium.core.network.stack.BaseCoapStack;
import org.eclipse.californium.core.network.stack.CoapStack;
import org.eclipse.californium.core.network.stack.CongestionControlLayer;
import org.eclipse.californium.core.network.stack.ExchangeCleanupLayer;
import org.eclipse.californium.core.network.stack.Layer;
import org.eclipse.californium.core.network.stack.ObserveLayer;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.config.Configuration;

/** Californium's UDP/DTLS stack (the layers of CoapUdpStack, in its order) with the {@link StreamingBlockwiseLayer}. */
final class ManagementStack extends BaseCoapStack {
    private ManagementStack(String tag, Configuration config, EndpointContextMatcher matcher, Outbox outbox,
                            Predicate<Request> streamed) {
        super(outbox);
        setLayers(new Layer[] {
            new ExchangeCleanupLayer(config),
            new ObserveLayer(config),
            new StreamingBlockwiseLayer(tag, config, matcher, streamed),
            CongestionControlLayer.newImplementation(tag, config)});
    }

    /** Makes this stack for the management endpoint; {@code streamed} picks the requests whose blocks go up one by one. */
    static ExtendedCoapStackFactory factory(Predicate<Request> streamed) {
        return new ExtendedCoapStackFactory() {
            @Override
            public CoapStack createCoapStack(String protocol, String tag, Configuration config, EndpointContextMatcher matcher,
                                             Outbox outbox, Object customStackArgument) {
                return new ManagementStack(tag, config, matcher, outbox, streamed);
            }

            @Override
            public CoapStack createCoapStack(String protocol, String tag, Configuration config, Outbox outbox,
                                             Object customStackArgument) {
                return new ManagementStack(tag, config, null, outbox, streamed);
            }
        };
    }
}
