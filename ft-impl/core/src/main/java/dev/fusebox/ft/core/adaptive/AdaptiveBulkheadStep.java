package dev.fusebox.ft.core.adaptive;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.time.Ticker;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a synchronous call inside a place of an {@link AdaptiveLimit}, or rejects it as a full
 * bulkhead does. The call's round trip is sampled when it ends: a success as a sample, a failure
 * that says the dependency is overloaded ({@code dropped}: cut short by a timeout, refused
 * downstream) as a dropped sample, any other failure not at all (a bad request answered fast must
 * not teach the limit that the dependency is fast). The place is given back exactly once, whatever
 * the outcome. Thread-safe.
 */
public final class AdaptiveBulkheadStep implements SyncStep {

    /**
     * The failures that say a call was cut short, in the JDK's own types: a timeout, an interrupt
     * (how an outer timeout stops a synchronous call), a cancellation (how it stops a stage). The
     * CDI layer adds the MicroProfile timeout.
     */
    public static final Predicate<Throwable> CUT_SHORT = failure -> failure instanceof TimeoutException
            || failure instanceof InterruptedException || failure instanceof InterruptedIOException
            || failure instanceof CancellationException;

    private final SyncStep next;
    private final AdaptiveLimit limit;
    private final Function<Invocation, Priority> priorityOf;
    private final Predicate<Throwable> dropped;
    private final Rejections rejections;
    private final Ticker ticker;

    /** A step whose calls all have {@code priority}. */
    public AdaptiveBulkheadStep(SyncStep next, AdaptiveLimit limit, Priority priority, Predicate<Throwable> dropped,
                                Rejections rejections, Ticker ticker) {
        this(next, limit, invocation -> priority, dropped, rejections, ticker);
    }

    /** A step that asks {@code priorityOf} each call's priority (a parameter of the call may give it). */
    public AdaptiveBulkheadStep(SyncStep next, AdaptiveLimit limit, Function<Invocation, Priority> priorityOf,
                                Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this.next = next;
        this.limit = limit;
        this.priorityOf = priorityOf;
        this.dropped = dropped;
        this.rejections = rejections;
        this.ticker = ticker;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        Priority priority = priorityOf.apply(invocation);
        if (!limit.tryAcquire(priority)) {
            throw rejections.shed(limit.name(), priority.name(), limit.policy().windowNanos());
        }
        long start = ticker.nanoTime();
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            AdaptiveBulkheadSteps.giveBack(limit, start, ticker.nanoTime(), failure, dropped);
            throw failure;
        }
        limit.release(start, ticker.nanoTime(), false);
        return result;
    }
}
