package dev.fusebox.console.feed;

/**
 * A retry budget's attributes as read from its MXBean ({@code type=RetryBudget}) at one moment. Methods
 * sharing a group's budget each have one, with the group's shared numbers.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param key                 which guarded method
 * @param group               the group whose budget it shares, or empty for its own
 * @param ratio               retries allowed per first attempt over the window
 * @param ttlMillis           how long a first attempt counts
 * @param minRetriesPerSecond retries per second allowed even without first attempts
 * @param balance             retries the budget would allow now
 * @param granted             counter: retries allowed
 * @param refused             counter: retries refused
 */
public record RetryBudgetReading(MethodKey key, String group, double ratio, long ttlMillis, int minRetriesPerSecond,
                                 long balance, long granted, long refused) {
}
