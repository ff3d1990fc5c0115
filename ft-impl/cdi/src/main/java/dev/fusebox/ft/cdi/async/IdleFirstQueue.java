package dev.fusebox.ft.cdi.async;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The work queue of a pool that reuses an idle thread before it starts a new one and queues only
 * when every thread up to the maximum is busy. A plain {@link ThreadPoolExecutor} does the
 * opposite: with core size = maximum it starts a new thread for every task until it has them all,
 * and with a smaller core it queues before it grows.
 *
 * <p>How. The pool offers a task to this queue first; {@link #offer} hands it straight to a thread
 * waiting for work ({@link LinkedTransferQueue#tryTransfer}) and otherwise refuses it, so the pool
 * starts a thread if it may. When it may not (all threads busy), the pool rejects the task and
 * {@link #whenBusy} queues it for the next thread that finishes, or, once the pool is shut down,
 * rejects it for real. A task queued just as the last idle thread times out is not stranded: a
 * thread leaving a pool whose queue is not empty is replaced ({@code ThreadPoolExecutor}'s own rule
 * when core threads may time out). Thread-safe.
 */
final class IdleFirstQueue extends LinkedTransferQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
        return tryTransfer(task);
    }

    /** The pool's rejection handler: queues the task while the pool runs. */
    RejectedExecutionHandler whenBusy() {
        return (task, pool) -> {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("the CDI container is shutting down");
            }
            super.offer(task);
        };
    }
}
