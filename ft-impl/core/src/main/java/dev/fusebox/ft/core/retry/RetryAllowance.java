package dev.fusebox.ft.core.retry;

/**
 * Whether a retry may start, beyond what the retry policy itself allows: a retry budget caps
 * retries at a share of first attempts (issue 16). The retry steps tell it of every first attempt
 * and ask it before every retry; a refused retry ends the retries with the last failure.
 * Implementations are thread-safe and allocate nothing per call.
 */
public interface RetryAllowance {

    /** Allows every retry: a policy without a budget. */
    RetryAllowance UNLIMITED = new RetryAllowance() {
        @Override
        public void firstAttempt(long nowNanos) {
        }

        @Override
        public boolean tryRetry(long nowNanos) {
            return true;
        }
    };

    /** A call made its first attempt at {@code nowNanos} (the retry step's ticker). */
    void firstAttempt(long nowNanos);

    /** Takes one retry from the allowance at {@code nowNanos}; false when none is left (nothing taken). */
    boolean tryRetry(long nowNanos);
}
