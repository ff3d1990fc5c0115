package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;

/**
 * A resolved {@code @Bulkhead}: concurrent executions, and queue places for asynchronous calls.
 * Both bound memory as well as concurrency: an admitted asynchronous call waits, with everything
 * it holds, in the executor's queue when no thread is free, and a queued one in the bulkhead's
 * queue. So both have an upper bound, refused at deployment and by a live change.
 * Thread-safety: immutable.
 */
public record BulkheadSpec(int value, int waitingTaskQueue) {

    /** The most calls running at once. */
    public static final int MAX_VALUE = AsyncBulkhead.MAX_LIMIT;
    /** The most asynchronous calls waiting for a slot. */
    public static final int MAX_WAITING_TASK_QUEUE = AsyncBulkhead.MAX_QUEUE;
}
