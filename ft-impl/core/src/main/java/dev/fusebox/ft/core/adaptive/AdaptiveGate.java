package dev.fusebox.ft.core.adaptive;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.time.Ticker;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the two adaptive bulkhead steps share: a call takes a place of the limit at its priority or
 * gets the refusal to fail with, and gives the place back when it ends, sampled by how it ended.
 * Thread-safe (the limit is; the rest is final).
 */
final class AdaptiveGate {

    private final AdaptiveLimit limit;
    private final Function<Invocation, Priority> priorityOf;
    private final Predicate<Throwable> dropped;
    private final Rejections rejections;
    private final Ticker ticker;

    AdaptiveGate(AdaptiveLimit limit, Function<Invocation, Priority> priorityOf, Predicate<Throwable> dropped,
                 Rejections rejections, Ticker ticker) {
        this.limit = limit;
        this.priorityOf = priorityOf;
        this.dropped = dropped;
        this.rejections = rejections;
        this.ticker = ticker;
    }

    /** Takes a place for {@code invocation} at its priority: null once it holds one, else the refusal to fail it with. */
    RuntimeException enter(Invocation invocation) {
        Priority priority = priorityOf.apply(invocation);
        if (limit.tryAcquire(priority)) {
            return null;
        }
        return rejections.shed(limit.name(), priority.name(), limit.policy().windowNanos());
    }

    /** The ticker's now: when a call that holds a place starts. */
    long now() {
        return ticker.nanoTime();
    }

    /**
     * Gives back the place of a call started at {@code start}: a success ({@code failure} null) is
     * sampled, a failure that says the call was cut short is sampled as a drop, any other failure
     * gives the place back unsampled.
     */
    void leave(long start, Throwable failure) {
        long end = ticker.nanoTime();
        if (failure == null) {
            limit.release(start, end, false);
        } else if (dropped.test(failure)) {
            limit.release(start, end, true);
        } else {
            limit.releaseIgnored();
        }
    }
}
