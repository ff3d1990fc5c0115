package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A breaker on a stopped clock (time is always 0) whose listener counts each kind of transition,
 * set up in the state a jcstress test starts from. The counters are atomics: the listener runs on
 * the actor threads. Not itself under test.
 */
final class CountingBreaker {

    /** Long enough that an opened circuit never half-opens during a test. */
    private static final long FOREVER = Long.MAX_VALUE;

    final CircuitBreaker breaker;
    private final AtomicIntegerArray transitions = new AtomicIntegerArray(CircuitState.values().length);
    private final AtomicInteger total = new AtomicInteger();

    private CountingBreaker(CircuitBreakerPolicy policy) {
        this.breaker = new CircuitBreaker("jcstress", policy, () -> 0L, (b, from, to) -> {
            transitions.incrementAndGet(to.ordinal());
            total.incrementAndGet();
        });
    }

    /** A closed breaker over a window of {@code volume} calls that opens at {@code ratio} and stays open. */
    static CountingBreaker closed(int volume, double ratio) {
        return new CountingBreaker(new CircuitBreakerPolicy(volume, ratio, FOREVER, 1));
    }

    /**
     * A breaker that has just opened with zero delay (window of one call, one failure opens it):
     * the next call moves it to HALF_OPEN. Counters start at zero after the opening.
     */
    static CountingBreaker openWithZeroDelay(int successThreshold) {
        CountingBreaker counting = new CountingBreaker(new CircuitBreakerPolicy(1, 1.0, 0, successThreshold));
        counting.breaker.record(counting.breaker.tryAcquire(), true);
        counting.expect(CircuitState.OPEN);
        counting.resetCounts();
        return counting;
    }

    /** Transitions into {@code state} the listener was told of. */
    int transitionsTo(CircuitState state) {
        return transitions.get(state.ordinal());
    }

    /** All transitions the listener was told of. */
    int transitions() {
        return total.get();
    }

    CircuitState state() {
        return breaker.state();
    }

    /** Admits a call and records a failure: "rejected", "recorded", or "opened" when it opened the circuit. */
    String failingCall() {
        return call(true);
    }

    /** Admits a call and records a success: "rejected" or "recorded". */
    String succeedingCall() {
        return call(false);
    }

    private String call(boolean failure) {
        Phase admitted = breaker.tryAcquire();
        if (admitted == null) {
            return "rejected";
        }
        return breaker.record(admitted, failure) ? "opened" : "recorded";
    }

    void expect(CircuitState state) {
        if (breaker.state() != state) {
            throw new IllegalStateException("test set-up expected " + state + " but the breaker is " + breaker.state());
        }
    }

    void resetCounts() {
        for (int i = 0; i < transitions.length(); i++) {
            transitions.set(i, 0);
        }
        total.set(0);
    }
}
