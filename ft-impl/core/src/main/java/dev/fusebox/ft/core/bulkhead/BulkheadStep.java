package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;

/** Runs a synchronous call inside a {@link Bulkhead} slot, or rejects it. Thread-safe. */
public final class BulkheadStep implements SyncStep {

    private final SyncStep next;
    private final Bulkhead bulkhead;
    private final Rejections rejections;

    public BulkheadStep(SyncStep next, Bulkhead bulkhead, Rejections rejections) {
        this.next = next;
        this.bulkhead = bulkhead;
        this.rejections = rejections;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        if (!bulkhead.tryAcquire()) {
            throw rejections.bulkheadFull(bulkhead.name());
        }
        try {
            return next.call(invocation);
        } finally {
            bulkhead.release();
        }
    }
}
