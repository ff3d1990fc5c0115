package dev.fusebox.ft.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Whether one policy (a circuit breaker or a bulkhead) runs in shadow mode, where it decides as if
 * it enforced but lets the calls it would reject run, and how many such calls it has let through.
 * An operator switches it at run time; the policy's engine owns one and its steps ask it only when
 * the engine has refused a call, so the calls it admits never read it.
 *
 * <p>Implementation notes. The switch is one volatile boolean: a refused call reads it once, after
 * the refusal, and that read decides (an operator who switches it between the refusal and the read
 * simply decides that call; each refused call sees one value, and every call after the write sees
 * the new one). The count is a {@link LongAdder}: calls let through at once from several threads do
 * not contend, and {@link #wouldReject()} is a sum that may miss increments racing with it (a
 * gauge read, never used to decide anything). Nothing here allocates after construction.
 * Thread-safe.
 */
public final class ShadowMode {

    private volatile boolean on;
    private final LongAdder wouldReject = new LongAdder();

    /** Whether the policy only counts the calls it would reject. */
    public boolean isOn() {
        return on;
    }

    /** Switches shadow mode on (count, let through) or off (enforce) from the next refused call on. */
    public void set(boolean shadow) {
        on = shadow;
    }

    /**
     * Called for a call the policy refused: true (and counted) when shadow mode lets it run anyway,
     * false when the policy enforces the refusal.
     */
    public boolean letsThrough() {
        if (!on) {
            return false;
        }
        wouldReject.increment();
        return true;
    }

    /** The calls let through so far that an enforcing policy would have rejected. */
    public long wouldReject() {
        return wouldReject.sum();
    }

    @Override
    public String toString() {
        return "ShadowMode[" + (on ? "on" : "off") + ", wouldReject " + wouldReject() + "]";
    }
}
