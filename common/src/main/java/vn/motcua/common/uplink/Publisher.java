package vn.motcua.common.uplink;

import java.util.function.BooleanSupplier;

/** Hands one message to a live broker connection; the callbacks say whether the broker acknowledged it. */
interface Publisher {
    /**
     * Publishes and returns whether the broker has acknowledged the message so far. That answer holds as soon as the
     * acknowledgement is read, before {@code onAck} runs: Paho runs the callbacks on a thread of their own and drops
     * those still queued when the connection goes down, so {@code onAck} may never run for a message the broker did
     * acknowledge.
     */
    BooleanSupplier publish(String topic, byte[] payload, int qos, boolean retained, Runnable onAck, Runnable onFailure)
            throws Exception;
}
