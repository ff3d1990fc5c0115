package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;

/** Test access to the breaker's package-private operations, for the concurrency tests. */
public final class BreakerProbe {

    private final CircuitBreaker breaker;
    private final RollingWindow window;
    private final AtomicInteger opened = new AtomicInteger();

    private BreakerProbe(CircuitBreakerPolicy policy, RollingWindow window) {
        this.breaker = policy == null ? null : new CircuitBreaker("probe", policy, () -> 0L, (b, from, to) -> {
            if (to == CircuitState.OPEN) {
                opened.incrementAndGet();
            }
        });
        this.window = window;
    }

    /**
     * A breaker just opened with zero delay: the first call of the race moves it to HALF_OPEN, and
     * at most {@code successThreshold} calls may be admitted as trials.
     */
    public static BreakerProbe openWithZeroDelay(int successThreshold) {
        BreakerProbe probe = new BreakerProbe(new CircuitBreakerPolicy(1, 1.0, 0, successThreshold), null);
        probe.breaker.record(probe.breaker.tryAcquire(), true);
        if (probe.breaker.state() != CircuitState.OPEN) {
            throw new IllegalStateException("setup failed: " + probe.breaker.state());
        }
        return probe;
    }

    public static BreakerProbe closed(int volume, double ratio) {
        return new BreakerProbe(new CircuitBreakerPolicy(volume, ratio, Long.MAX_VALUE, 1), null);
    }

    public static BreakerProbe window(int size) {
        return new BreakerProbe(null, new RollingWindow(size, size + 1));
    }

    /** Takes a trial permit and never reports its outcome (the trial is still running). */
    public boolean tryTrialAndHold() {
        return breaker.tryAcquire() != null;
    }

    public void recordOutcome(boolean failure) {
        Phase phase = breaker.tryAcquire();
        if (phase != null) {
            breaker.record(phase, failure);
        }
    }

    public int transitionsToOpen() {
        return opened.get();
    }

    public void recordInWindow(boolean failure) {
        window.record(failure);
    }

    public int windowFailureCount() {
        return window.failures();
    }

    public long failureSlotsInWindow() {
        return window.contents().chars().filter(c -> c == 'F').count();
    }
}
