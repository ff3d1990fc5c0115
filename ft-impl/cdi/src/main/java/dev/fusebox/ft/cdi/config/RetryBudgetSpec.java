package dev.fusebox.ft.cdi.config;

/**
 * A resolved {@code @RetryBudget}: retries allowed per first attempt, how long a first attempt
 * counts, the retries per second allowed whatever the traffic, and the group whose methods share
 * one budget (empty: the method's own). Thread-safety: immutable.
 */
public record RetryBudgetSpec(double ratio, long ttlNanos, int minRetriesPerSecond, String group) {

    /** The largest ratio: ten retries per first attempt is already no budget at all. */
    public static final double MAX_RATIO = 10;
    /** The shortest and longest time a first attempt counts, in seconds. */
    public static final long MIN_TTL_SECONDS = 1;
    public static final long MAX_TTL_SECONDS = 60;
    /** The most retries per second allowed whatever the traffic. */
    public static final int MAX_MIN_RETRIES_PER_SECOND = 100_000;
}
