package dev.fusebox.ft.core.time;

import java.util.concurrent.TimeUnit;

/**
 * Blocks the calling thread for a while; the synchronous retry waits through it, so tests can
 * replace real sleeping with virtual time. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code nanos}; returns at once when {@code nanos <= 0}. */
    void sleep(long nanos) throws InterruptedException;

    /** Real sleeping on the calling thread. */
    static Sleeper system() {
        return nanos -> {
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }
}
