package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.core.retry.Backoff;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The engine's {@link Backoff} for an application's {@link CustomBackoffStrategy}: a new strategy
 * per guarded call, told the retry's delay, asked for each wait. Used by guards and by the CDI
 * layer's {@code @CustomBackoff}. Stateless; thread-safe.
 */
public final class CustomBackoffs {

    private CustomBackoffs() {
    }

    /**
     * A backoff asking a new strategy from {@code strategies} for each guarded call; {@code describe}
     * names it in errors (a strategy that gives no wait fails the call's retry with a clear message).
     */
    public static Backoff of(Supplier<? extends CustomBackoffStrategy> strategies, String describe) {
        return policy -> {
            CustomBackoffStrategy strategy = strategies.get();
            if (strategy == null) {
                throw new IllegalStateException("the custom backoff " + describe + " gave no strategy (null)");
            }
            strategy.init(Duration.ofNanos(policy.delayNanos()));
            return (cause, random) -> {
                Duration next = strategy.nextDelay(cause);
                if (next == null) {
                    throw new IllegalStateException("the custom backoff " + describe + " gave no wait (null)");
                }
                return next.isNegative() ? -1 : saturatedNanos(next);
            };
        };
    }

    private static long saturatedNanos(Duration wait) {
        try {
            return wait.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
