package dev.fusebox.ft.core.retry;

/**
 * One time slice of a {@link RetryBudget} packed in a long, and the "moving on" marker that takes
 * a slice's place while the budget moves to a new slice. Static functions only.
 *
 * <pre>
 * slice:  0 | epoch mod 2^25 (25 bits) | first attempts (19 bits) | retries (19 bits)
 * marker: 1 | the full epoch being moved to (63 bits)
 * </pre>
 */
final class SliceWord {

    static final int EPOCH_BITS = 25;
    static final int COUNT_BITS = 19;
    /** The most first attempts, or retries, one slice counts. */
    static final long COUNT_MAX = (1L << COUNT_BITS) - 1;
    static final long ONE_FIRST = 1L << COUNT_BITS;
    static final long ONE_RETRY = 1L;
    private static final long EPOCH_MASK = (1L << EPOCH_BITS) - 1;
    private static final long COUNTS_MASK = (1L << (2 * COUNT_BITS)) - 1;
    private static final int EPOCH_SHIFT = 2 * COUNT_BITS;
    private static final long MARKER = Long.MIN_VALUE;

    private SliceWord() {
    }

    static long slice(long epoch, long firsts, long retries) {
        return (epoch & EPOCH_MASK) << EPOCH_SHIFT | firsts << COUNT_BITS | retries;
    }

    static long marker(long epoch) {
        return MARKER | epoch;
    }

    static boolean isMarker(long word) {
        return word < 0;
    }

    /** The full epoch a marker moves to. */
    static long markedEpoch(long marker) {
        return marker & ~MARKER;
    }

    static long firsts(long slice) {
        return (slice >>> COUNT_BITS) & COUNT_MAX;
    }

    static long retries(long slice) {
        return slice & COUNT_MAX;
    }

    /** Whether {@code slice} belongs to {@code epoch}, as far as its 25 epoch bits tell. */
    static boolean isOf(long slice, long epoch) {
        return slice >>> EPOCH_SHIFT == (epoch & EPOCH_MASK);
    }

    /**
     * The full epoch of {@code slice}, taken to be the first at or above {@code oldest} with its
     * epoch bits: right while every slice in question is less than 2^25 epochs above {@code oldest}.
     */
    static long epochAtOrAbove(long slice, long oldest) {
        return oldest + (((slice >>> EPOCH_SHIFT) - oldest) & EPOCH_MASK);
    }

    /** Whether slice {@code a} has larger counts than slice {@code b} (meant for slices of one epoch). */
    static boolean countsMore(long a, long b) {
        return (a & COUNTS_MASK) > (b & COUNTS_MASK);
    }
}
