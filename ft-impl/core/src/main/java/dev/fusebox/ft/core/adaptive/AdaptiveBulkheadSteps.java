package dev.fusebox.ft.core.adaptive;

import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** What the two adaptive bulkhead steps share: how a failed call gives its place back. Stateless. */
final class AdaptiveBulkheadSteps {

    private AdaptiveBulkheadSteps() {
    }

    /**
     * The failures that say a call was cut short, in the JDK's own types: a timeout, an interrupt
     * (how an outer timeout stops a synchronous call), a cancellation (how it stops a stage). The
     * CDI layer adds the MicroProfile rejections.
     */
    static final Predicate<Throwable> CUT_SHORT = failure -> failure instanceof TimeoutException
            || failure instanceof InterruptedException || failure instanceof InterruptedIOException
            || failure instanceof CancellationException;

    static void giveBack(AdaptiveLimit limit, long start, long end, Throwable failure, Predicate<Throwable> dropped) {
        if (dropped.test(failure)) {
            limit.release(start, end, true);
        } else {
            limit.releaseIgnored();
        }
    }
}
