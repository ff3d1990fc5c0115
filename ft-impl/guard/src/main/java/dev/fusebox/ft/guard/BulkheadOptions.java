package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;

/** A guard's bulkhead options, with {@code @Bulkhead}'s defaults. Not thread-safe: the builder's. */
final class BulkheadOptions implements GuardOptions.Bulkhead {

    int limit = 10;
    int waitingTaskQueue = 10;
    boolean shadow;

    @Override
    public BulkheadOptions limit(int calls) {
        limit = calls;
        return this;
    }

    @Override
    public BulkheadOptions waitingTaskQueue(int stages) {
        waitingTaskQueue = stages;
        return this;
    }

    /** Refuses a limit or queue out of bounds (they bound memory, see {@link AsyncBulkhead#MAX_LIMIT}). */
    void check() {
        if (limit < 1 || limit > AsyncBulkhead.MAX_LIMIT) {
            throw new IllegalArgumentException("bulkhead limit must be 1 to " + AsyncBulkhead.MAX_LIMIT + ": " + limit);
        }
        if (waitingTaskQueue < 0 || waitingTaskQueue > AsyncBulkhead.MAX_QUEUE) {
            throw new IllegalArgumentException("bulkhead waitingTaskQueue must be 0 to " + AsyncBulkhead.MAX_QUEUE
                    + " (every waiting stage is held in memory): " + waitingTaskQueue);
        }
    }

    @Override
    public BulkheadOptions shadow(boolean on) {
        shadow = on;
        return this;
    }
}
