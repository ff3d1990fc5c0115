package dev.fusebox.ft.testing;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for integration tests: waits for a condition instead of sleeping a fixed time. */
public final class Await {

    /** How long a condition that should become true is given before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not true within " + PATIENCE + ": " + what);
            }
            pause();
        }
    }

    /** Checks that {@code condition} keeps holding for {@code period}; for "nothing else happens" claims. */
    public static void holdsFor(Duration period, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!condition.getAsBoolean()) {
                fail("stopped being true within " + period + ": " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
