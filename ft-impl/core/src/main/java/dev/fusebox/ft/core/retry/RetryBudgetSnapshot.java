package dev.fusebox.ft.core.retry;

/**
 * What a retry budget shows at one moment, for metrics and management. The totals count since the
 * budget was made; the window is the last ttl (ten slices) at the snapshot's time.
 *
 * @param policy          the budget's parameters
 * @param firstAttempts   first attempts deposited in all
 * @param retriesGranted  retries granted in all
 * @param retriesRefused  retries refused in all
 * @param firstsInWindow  first attempts that still count
 * @param retriesInWindow granted retries that still count against the budget
 * @param balance         whole retries that would be granted now, never negative
 */
public record RetryBudgetSnapshot(RetryBudgetPolicy policy, long firstAttempts, long retriesGranted,
                                  long retriesRefused, long firstsInWindow, long retriesInWindow, long balance) {
}
