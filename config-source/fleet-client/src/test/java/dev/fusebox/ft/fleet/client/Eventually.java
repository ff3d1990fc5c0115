package dev.fusebox.ft.fleet.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (no fixed sleeps as assertions). */
final class Eventually {

    private Eventually() {
    }

    static void until(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not true within " + patience.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
