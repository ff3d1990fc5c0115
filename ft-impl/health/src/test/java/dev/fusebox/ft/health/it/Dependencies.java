package dev.fusebox.ft.health.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/** The guarded beans of the readiness tests: two dependencies with breakers, one without. */
final class Dependencies {

    static final String CHARGE = Payments.class.getName() + "#charge";
    static final String REFUND = Payments.class.getName() + "#refund";
    static final String SUGGEST = Recommendations.class.getName() + "#suggest";
    static final String STOCK = Inventory.class.getName() + "#stock";
    /** How long each breaker stays open before a trial call. */
    static final long DELAY_SECONDS = 60;

    private Dependencies() {
    }

    @ApplicationScoped
    public static class Payments {
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = DELAY_SECONDS,
                delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
        public String charge(boolean fail) {
            return respond(fail);
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = DELAY_SECONDS,
                delayUnit = ChronoUnit.SECONDS)
        public String refund(boolean fail) {
            return respond(fail);
        }
    }

    @ApplicationScoped
    public static class Recommendations {
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = DELAY_SECONDS,
                delayUnit = ChronoUnit.SECONDS)
        public String suggest(boolean fail) {
            return respond(fail);
        }
    }

    /** Guarded, but by a retry only: no breaker. */
    @ApplicationScoped
    public static class Inventory {
        @Retry(maxRetries = 1)
        public String stock() {
            return "12";
        }
    }

    static String respond(boolean fail) {
        if (fail) {
            throw new IllegalStateException("dependency down");
        }
        return "ok";
    }

    /** Fails {@code calls} times in a row, swallowing what each call throws (the breaker counts it). */
    static void fail(Runnable call, int calls) {
        for (int i = 0; i < calls; i++) {
            try {
                call.run();
            } catch (RuntimeException expected) {
                // a failure the breaker records, or its rejection once open
            }
        }
    }
}
