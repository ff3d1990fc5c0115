package dev.fusebox.ft.core.retry;

/**
 * How the waits between the attempts of one guarded call are chosen: the kind of a retry policy's
 * delays. A backoff is immutable and shared by every call of its method; {@link #start} makes the
 * state of one call, at the call's first retry (so a call that succeeds at once makes none).
 *
 * <p>Kinds: {@link #CONSTANT} (the specification's delay moved by its additive jitter, what a plain
 * {@code @Retry} does), {@link ExponentialBackoff}, {@link FibonacciBackoff}, and any other
 * implementation, which is a custom backoff (the CDI layer adapts the API's custom strategy to this
 * interface and makes a new strategy instance in {@code start}). Whatever the kind, a retry whose
 * wait would end past the policy's maximum duration does not start, and the policy's maximum
 * retries bound the count. Implementations are thread-safe; the delays they start need not be.
 */
@FunctionalInterface
public interface Backoff {

    /** The policy's delay, moved by a uniform draw in [-jitter, +jitter] each time, never negative. */
    Backoff CONSTANT = policy -> (cause, random) -> policy.nextDelay(random);

    /** The waits of one call's retries under {@code policy} (whose delay is the initial wait). */
    RetryDelays start(RetryPolicy policy);
}
