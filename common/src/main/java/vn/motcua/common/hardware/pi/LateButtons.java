package vn.motcua.common.hardware.pi;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.common.hardware.ButtonListener;
import vn.motcua.common.hardware.Buttons;

/** Buttons whose GPIO inputs may open later: listeners and start/stop wait here until {@link #attach} gives the real ones. */
final class LateButtons implements Buttons {
    private final Set<String> names;
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private Buttons real;
    private boolean started;

    LateButtons(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    synchronized void attach(Buttons buttons) {
        real = buttons;
        listeners.forEach(buttons::addListener);
        if (started) {
            buttons.start();
        }
    }

    @Override
    public synchronized void addListener(ButtonListener listener) {
        listeners.add(listener);
        if (real != null) {
            real.addListener(listener);
        }
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (real != null) {
            real.start();
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (real != null) {
            real.stop();
        }
    }
}
