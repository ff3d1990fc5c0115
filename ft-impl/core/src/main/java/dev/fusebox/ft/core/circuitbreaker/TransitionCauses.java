package dev.fusebox.ft.core.circuitbreaker;

import java.util.Locale;

/** The causes of transitions, automatic and operators', in words an operator can act on. Stateless. */
final class TransitionCauses {

    private TransitionCauses() {
    }

    /** Why the state machine moved from {@code from} to {@code to} under {@code inForce}. */
    static String automatic(Phase from, CircuitState to, Throwable thrown, CircuitBreakerPolicy inForce) {
        return switch (from.state) {
            case CLOSED -> String.format(Locale.ROOT, "failure ratio %.2f >= %.2f over %d calls%s",
                    (double) from.window.failures() / from.window.size(), inForce.failureRatio(), from.window.size(),
                    lastFailure(thrown));
            case OPEN -> String.format(Locale.ROOT, "delay of %d ms elapsed", inForce.delayNanos() / 1_000_000);
            case HALF_OPEN -> to == CircuitState.CLOSED
                    ? String.format(Locale.ROOT, "%d trial calls succeeded",
                            HalfOpenTrials.succeeded(from.trials.read()))
                    : "trial call failed" + lastFailure(thrown);
        };
    }

    /** Why a half-open stay closed when a new success threshold was put in force. */
    static String thresholdReached(int succeeded, CircuitBreakerPolicy inForce) {
        return String.format(Locale.ROOT, "%d trial calls succeeded (success threshold now %d)", succeeded,
                inForce.successThreshold());
    }

    static String forced(Forced forcing) {
        return "forced " + forcing.state().name().toLowerCase(Locale.ROOT) + " by " + forcing.by() + ": "
                + forcing.reason();
    }

    static String released(String by) {
        return "released by " + by;
    }

    static String reset(String by, String reason) {
        return "reset by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }

    static String expired(Forced forcing) {
        return "forcing by " + forcing.by() + " expired";
    }

    private static String lastFailure(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        String message = thrown.getMessage();
        return "; last failure " + thrown.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
