package dev.fusebox.ft.api;

/** What {@link BeforeRetry} runs before each retry. Implementations must be thread-safe. */
public interface BeforeRetryHandler {

    /**
     * Called before retry number {@code retry} (1 for the first retry).
     *
     * @param cause the failure that made the retry, or null when a result did ({@link RetryWhen})
     */
    void beforeRetry(int retry, Throwable cause);

    /** The default of {@link BeforeRetry#value()}: no handler (then {@link BeforeRetry#methodName()} is needed). */
    final class None implements BeforeRetryHandler {
        @Override
        public void beforeRetry(int retry, Throwable cause) {
        }
    }
}
