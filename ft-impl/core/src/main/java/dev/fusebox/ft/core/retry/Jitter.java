package dev.fusebox.ft.core.retry;

/**
 * How an exponential or Fibonacci backoff randomises its waits; c is the sequence's wait capped at
 * maxDelay (research section 4, after AWS's "Exponential Backoff And Jitter"). Core has no default:
 * the API's annotations default to FULL (in AWS's simulation of competing clients it did the least
 * total work, its bounds are simplest and it needs no state; gRPC retries use it). Its cost: a
 * retry may come almost at once, which is why a plain {@code @Retry} keeps the specification's
 * additive jitter. Immutable.
 */
public enum Jitter {
    /** Exactly the sequence's wait c (capped). */
    NONE,
    /** Uniform in [0, c]: the default. */
    FULL,
    /** Uniform in [c - c/2, c], i.e. c/2 plus up to c/2. */
    EQUAL,
    /**
     * AWS's decorrelated jitter: s = min(cap, uniform in [base, 3 * previous s]), starting from
     * s = base (the policy's delay). The sequence's own growth (factor, Fibonacci) is not used: only
     * its base and cap. Bounds of retry n: [base, min(cap, base * 3^n)].
     */
    DECORRELATED
}
