package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import java.time.Duration;
import java.util.List;

/** A guard's circuit breaker options, with {@code @CircuitBreaker}'s defaults. Not thread-safe: the builder's. */
final class BreakerOptions implements GuardOptions.CircuitBreaker {

    private int requestVolumeThreshold = 20;
    private double failureRatio = 0.5;
    private long delayNanos = 5_000_000_000L;
    private int successThreshold = 1;
    private List<Class<? extends Throwable>> failOn = List.of(Throwable.class);
    private List<Class<? extends Throwable>> skipOn = List.of();
    boolean shadow;

    @Override
    public BreakerOptions requestVolumeThreshold(int calls) {
        requestVolumeThreshold = calls;
        return this;
    }

    @Override
    public BreakerOptions failureRatio(double ratio) {
        failureRatio = ratio;
        return this;
    }

    @Override
    public BreakerOptions delay(Duration delay) {
        delayNanos = Durations.nanos("delay", delay);
        return this;
    }

    @Override
    public BreakerOptions successThreshold(int calls) {
        successThreshold = calls;
        return this;
    }

    @Override
    public BreakerOptions failOn(Class<?>... failures) {
        failOn = Durations.throwables("failOn", failures);
        return this;
    }

    @Override
    public BreakerOptions skipOn(Class<?>... failures) {
        skipOn = Durations.throwables("skipOn", failures);
        return this;
    }

    @Override
    public BreakerOptions shadow(boolean on) {
        shadow = on;
        return this;
    }

    CircuitBreakerPolicy policy() {
        return new CircuitBreakerPolicy(requestVolumeThreshold, failureRatio, delayNanos, successThreshold);
    }

    ExceptionClassifier failures() {
        return new ExceptionClassifier(failOn, skipOn);
    }
}
