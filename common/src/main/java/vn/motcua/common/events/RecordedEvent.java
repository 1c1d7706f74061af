package vn.motcua.common.events;

/** One event as recorded: its place in the device's life and the exact envelope JSON that is published. */
public record RecordedEvent(long seq, String type, long tsMillis, String envelope) {
}
