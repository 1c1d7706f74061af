package vn.motcua.common.runtime.watchdog;

/** Tells the service manager how the runtime is: {@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=...}. */
public interface Notifier {
    /** Sends one or more newline-separated {@code KEY=value} assignments, as {@code sd_notify(3)} takes them. */
    void send(String state);
}
