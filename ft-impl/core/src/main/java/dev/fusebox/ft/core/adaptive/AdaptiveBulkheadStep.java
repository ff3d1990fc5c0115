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
    private final AdaptiveGate gate;

    /** A step whose calls all have {@code priority}. */
    public AdaptiveBulkheadStep(SyncStep next, AdaptiveLimit limit, Priority priority, Predicate<Throwable> dropped,
                                Rejections rejections, Ticker ticker) {
        this(next, limit, invocation -> priority, dropped, rejections, ticker);
    }

    /** A step that asks {@code priorityOf} each call's priority (a parameter of the call may give it). */
    public AdaptiveBulkheadStep(SyncStep next, AdaptiveLimit limit, Function<Invocation, Priority> priorityOf,
                                Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this.next = next;
        this.gate = new AdaptiveGate(limit, priorityOf, dropped, rejections, ticker);
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        RuntimeException refused = gate.enter(invocation);
        if (refused != null) {
            throw refused;
        }
        long start = gate.now();
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            gate.leave(start, failure);
            throw failure;
        }
        gate.leave(start, null);
        return result;
    }
}
