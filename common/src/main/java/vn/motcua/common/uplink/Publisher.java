package vn.motcua.common.uplink;

/** Hands one message to a live broker connection; the callbacks say whether the broker acknowledged it. */
interface Publisher {
    void publish(String topic, byte[] payload, int qos, boolean retained, Runnable onAck, Runnable onFailure)
            throws Exception;
}
