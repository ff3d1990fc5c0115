package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.core.time.Ticker;
import java.time.Duration;
import java.time.Instant;

/**
 * Translates between an engine's ticker and the wall clock, with one offset captured when
 * management starts: ticker nanos to epoch millis for operators, and expiry instants and durations
 * to ticker deadlines for the engines. A virtual ticker in tests is translated the same way.
 * Immutable; thread-safe.
 */
final class TickerClock {

    private final Ticker ticker;
    private final long originNanos;
    private final long originEpochMillis;

    TickerClock(Ticker ticker) {
        this.ticker = ticker;
        this.originNanos = ticker.nanoTime();
        this.originEpochMillis = System.currentTimeMillis();
    }

    long nowNanos() {
        return ticker.nanoTime();
    }

    long nowEpochMillis() {
        return toEpochMillis(ticker.nanoTime());
    }

    long toEpochMillis(long tickerNanos) {
        return originEpochMillis + Math.floorDiv(tickerNanos - originNanos, 1_000_000L);
    }

    /** The ticker deadline of {@code instant}. */
    long deadline(Instant instant) {
        long millisFromOrigin;
        try {
            millisFromOrigin = Math.subtractExact(instant.toEpochMilli(), originEpochMillis);
        } catch (ArithmeticException farAway) {
            return instant.isAfter(Instant.EPOCH) ? Forced.NEVER - 1 : Long.MIN_VALUE;
        }
        return saturatedAdd(originNanos, saturatedMultiply(millisFromOrigin, 1_000_000L));
    }

    /** The ticker deadline {@code duration} from now. */
    long deadline(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Forced.NEVER - 1;
        }
        return saturatedAdd(ticker.nanoTime(), nanos);
    }

    /** An engine deadline as epoch millis, 0 for {@link Forced#NEVER}. */
    long untilEpochMillis(long untilNanos) {
        return untilNanos == Forced.NEVER ? 0 : toEpochMillis(untilNanos);
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Never lands on {@link Forced#NEVER}, which means "no expiry". */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Forced.NEVER - 1 : Long.MIN_VALUE;
        }
        return sum == Forced.NEVER ? Forced.NEVER - 1 : sum;
    }
}
