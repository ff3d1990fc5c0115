package dev.fusebox.ft.core.retry;

/** How an exponential or Fibonacci backoff randomises its waits. Immutable. */
public enum Jitter {
    /** Exactly the sequence's wait c (capped). */
    NONE,
    /** Uniform in [0, c]: the default. */
    FULL,
    /** Uniform in [c - c/2, c], i.e. c/2 plus up to c/2. */
    EQUAL,
    /** AWS's decorrelated jitter: s = min(cap, uniform in [base, 3 * previous s]), starting from s = base. */
    DECORRELATED
}
