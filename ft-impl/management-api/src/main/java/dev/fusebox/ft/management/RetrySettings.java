package dev.fusebox.ft.management;

/**
 * The parameters a retry policy works with now.
 *
 * Thread-safety: immutable.
 *
 * @param maxRetries        retries after the first attempt (-1: unlimited)
 * @param delayMillis       pause between attempts
 * @param maxDurationMillis total time after which no retry starts (0: unlimited)
 * @param jitterMillis      random variation of the delay
 */
public record RetrySettings(int maxRetries, long delayMillis, long maxDurationMillis, long jitterMillis) {
}
