package dev.fusebox.ft.core.bulkhead;

/**
 * Limits how many synchronous calls of one method run at once; a call beyond the limit is
 * rejected at once (synchronous calls never queue). Lock-free, see {@link Permits}. Thread-safe.
 */
public final class Bulkhead {

    private final String name;
    private final Permits running;

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

    boolean tryAcquire() {
        return running.tryAcquire();
    }

    void release() {
        running.release();
    }
}
