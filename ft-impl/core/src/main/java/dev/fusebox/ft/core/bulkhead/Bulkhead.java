package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.metrics.ShadowMode;

/**
 * Limits how many synchronous calls of one method run at once; a call beyond the limit is
 * rejected at once (synchronous calls never queue), or, in shadow mode, runs without a permit and
 * is counted ({@link #wouldReject()}).
 *
 * <p>Implementation notes. The permits are one lock-free count, see {@link Permits}: in use never
 * exceeds the limit, in shadow mode too, since a call let through takes no permit and so gives
 * none back. The shadow switch and its count are a {@link ShadowMode}, read only by calls that
 * found no permit; a call refused just before the switch is turned off may still be let through
 * (it read the switch first), every call that reads it afterwards is rejected. Thread-safe.
 */
public final class Bulkhead {

    private final String name;
    private final Permits running;
    private final ShadowMode shadow = new ShadowMode();

    public Bulkhead(String name, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("bulkhead value must be at least 1: " + limit);
        }
        this.name = name;
        this.running = new Permits(limit);
    }

    public String name() {
        return name;
    }

    public int limit() {
        return running.limit();
    }

    /**
     * Changes the limit at run time; calls running above a lowered limit finish undisturbed and new
     * calls are rejected until the count is below it.
     */
    public void resize(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("bulkhead value must be at least 1: " + limit);
        }
        running.resize(limit);
    }

    /** Calls running now. */
    public int running() {
        return running.used();
    }

    /**
     * Whether this bulkhead runs in shadow mode: it decides as if it enforced but lets the calls it
     * would reject run, and counts them ({@link #wouldReject()}).
     */
    public boolean isShadow() {
        return shadow.isOn();
    }

    /**
     * Switches shadow mode on or off at run time; the next call it refuses is let through (counted)
     * or rejected accordingly. Calls let through hold no permit, so they finish undisturbed either way.
     */
    public void setShadow(boolean on) {
        shadow.set(on);
    }

    /** Calls let through in shadow mode that an enforcing bulkhead would have rejected, since it was made. */
    public long wouldReject() {
        return shadow.wouldReject();
    }

    /** For a call that found no permit: true (counted) when shadow mode lets it run without one. */
    boolean letsThrough() {
        return shadow.letsThrough();
    }

    boolean tryAcquire() {
        return running.tryAcquire();
    }

    void release() {
        running.release();
    }
}
