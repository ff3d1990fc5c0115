package dev.fusebox.ft.core.adaptive;

import java.util.function.Predicate;

/** What the two adaptive bulkhead steps share: how a failed call gives its place back. Stateless. */
final class AdaptiveBulkheadSteps {

    private AdaptiveBulkheadSteps() {
    }

    static void giveBack(AdaptiveLimit limit, long start, long end, Throwable failure, Predicate<Throwable> dropped) {
        if (dropped.test(failure)) {
            limit.release(start, end, true);
        } else {
            limit.releaseIgnored();
        }
    }
}
