package dev.fusebox.ft.configsource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The listeners of one overrides file, and the poller thread that runs while there is at least
 * one. Thread-safe: subscriptions are guarded by this object's monitor; notification iterates a
 * copy-on-write list.
 */
final class OverridesListeners {

    private static final System.Logger LOG = System.getLogger(OverridesListeners.class.getName());

    private final Path path;
    private final Runnable poll;
    private final Supplier<Duration> interval;
    private final BooleanSupplier callerHoldsStoreLock;
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile OverridesPoller poller; // written under synchronized (this)

    OverridesListeners(Path path, Runnable poll, Supplier<Duration> interval, BooleanSupplier callerHoldsStoreLock) {
        this.path = path;
        this.poll = poll;
        this.interval = interval;
        this.callerHoldsStoreLock = callerHoldsStoreLock;
    }

    /** True while the poller thread keeps the store fresh. */
    boolean polling() {
        return poller != null;
    }

    OverridesFile.Subscription add(Consumer<OverridesFile.Change> consumer) {
        Listener listener = new Listener(Objects.requireNonNull(consumer, "listener"));
        synchronized (this) {
            listeners.add(listener);
            if (poller == null) {
                poller = OverridesPoller.start(poll, interval);
            }
        }
        return listener;
    }

    /** Calls every listener; a failing one is logged and does not stop the others. */
    void deliver(OverridesFile.Change change) {
        for (Listener listener : listeners) {
            try {
                listener.consumer.accept(change);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "overrides listener " + listener.consumer
                        + " failed on a change of " + change.changedKeys() + " in " + path, e);
            }
        }
    }

    private void remove(Listener listener) {
        OverridesPoller ending = null;
        synchronized (this) {
            if (listeners.remove(listener) && listeners.isEmpty()) {
                ending = poller;
                poller = null;
            }
        }
        if (ending != null) {
            // waiting while holding the store's lock could wait for a poll blocked on that lock
            ending.stop(!callerHoldsStoreLock.getAsBoolean());
        }
    }

    /** One subscription. Thread-safe: it closes once, whoever closes it first. */
    private final class Listener implements OverridesFile.Subscription {
        final Consumer<OverridesFile.Change> consumer;
        private final AtomicBoolean closed = new AtomicBoolean();

        Listener(Consumer<OverridesFile.Change> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                remove(this);
            }
        }
    }
}
