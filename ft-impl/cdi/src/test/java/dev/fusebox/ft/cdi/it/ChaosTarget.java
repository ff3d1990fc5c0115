package dev.fusebox.ft.cdi.it;

import dev.fusebox.ft.cdi.it.ChaosLedger.Outcome;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The guarded methods of {@link ChaosTargets} as the soak calls them, with what their annotations
 * make of them: synchronous or asynchronous, which policies guard them, and so which outcomes they
 * document. Immutable.
 */
enum ChaosTarget {
    SYNC_BULKHEAD("syncBulkhead", ChaosTargets::syncBulkhead),
    SYNC_BREAKER("syncBreaker", ChaosTargets::syncBreaker),
    SYNC_RETRY("syncRetry", ChaosTargets::syncRetry),
    SYNC_TIMEOUT("syncTimeout", ChaosTargets::syncTimeout),
    SYNC_FALLBACK("syncFallback", ChaosTargets::syncFallback),
    SYNC_ALL("syncAll", ChaosTargets::syncAll),
    FUTURE_BULKHEAD("futureBulkhead", ChaosTargets::futureBulkhead),
    FUTURE_ALL("futureAll", ChaosTargets::futureAll),
    STAGE_BULKHEAD_TIMEOUT("stageBulkheadTimeout", ChaosTargets::stageBulkheadTimeout),
    STAGE_BREAKER_RETRY("stageBreakerRetry", ChaosTargets::stageBreakerRetry),
    STAGE_ALL("stageAll", ChaosTargets::stageAll);

    /** One call of the method on the bean (its CDI proxy). */
    @FunctionalInterface
    interface Call {
        Object call(ChaosTargets bean, ChaosScript script) throws Exception;
    }

    final String method;
    final boolean async;
    final boolean stage;
    final boolean bulkhead;
    final boolean breaker;
    final boolean timeout;
    private final Fallback fallback;
    private final Call call;

    ChaosTarget(String method, Call call) {
        this.method = method;
        this.call = call;
        Method guarded;
        try {
            guarded = ChaosTargets.class.getMethod(method, ChaosScript.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        async = guarded.isAnnotationPresent(Asynchronous.class);
        stage = CompletionStage.class.isAssignableFrom(guarded.getReturnType());
        bulkhead = guarded.isAnnotationPresent(Bulkhead.class);
        breaker = guarded.isAnnotationPresent(CircuitBreaker.class);
        timeout = guarded.isAnnotationPresent(Timeout.class);
        fallback = guarded.getAnnotation(Fallback.class);
    }

    Object call(ChaosTargets bean, ChaosScript script) throws Exception {
        return call.call(bean, script);
    }

    boolean hasFallback() {
        return fallback != null;
    }

    /**
     * How a call that returned {@code value} or failed with {@code failure} ended, or null when the
     * method does not document that outcome. A failure documented for the method but one its
     * fallback applies to must not reach the caller; an InterruptedException only when the caller
     * was interrupted ({@code interrupted}, synchronous calls); a CancellationException only when the
     * caller's cancel succeeded ({@code cancelled}, asynchronous calls).
     */
    Outcome outcome(Object value, Throwable failure, boolean interrupted, boolean cancelled) {
        if (failure == null) {
            if (ChaosScript.VALUE.equals(value)) {
                return Outcome.RETURNED;
            }
            return hasFallback() && ChaosTargets.FALLBACK.equals(value) ? Outcome.FELL_BACK : null;
        }
        if (fallbackAppliesTo(failure)) {
            return null;
        }
        if (failure instanceof ChaosTargets.Retryable) {
            return Outcome.RETRYABLE;
        }
        if (failure instanceof ChaosTargets.Fatal) {
            return Outcome.FATAL;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return breaker ? Outcome.CIRCUIT_OPEN : null;
        }
        if (failure instanceof BulkheadException) {
            return bulkhead ? Outcome.BULKHEAD_FULL : null;
        }
        if (failure instanceof TimeoutException) {
            return timeout ? Outcome.TIMED_OUT : null;
        }
        if (failure instanceof InterruptedException) {
            return interrupted && !async ? Outcome.INTERRUPTED : null;
        }
        if (failure instanceof CancellationException) {
            return cancelled && async ? Outcome.CANCELLED : null;
        }
        return null;
    }

    private boolean fallbackAppliesTo(Throwable failure) {
        return fallback != null && isAny(fallback.applyOn(), failure) && !isAny(fallback.skipOn(), failure);
    }

    private static boolean isAny(Class<? extends Throwable>[] types, Throwable failure) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }
}
