package vn.motcua.office.district;

/** Where the district publishes its messages (the broker). */
public interface Publisher {
    /** Publishes at QoS 1; returns false when the message could not be handed to the broker. */
    boolean publish(String topic, String payload, boolean retained);
}
