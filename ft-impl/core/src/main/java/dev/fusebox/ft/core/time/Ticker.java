package dev.fusebox.ft.core.time;

/**
 * A monotonic source of nanoseconds. Engines read time only through a ticker, so tests can run
 * them in virtual time. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary fixed origin; only differences are meaningful. */
    long nanoTime();

    /** The JVM's monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
