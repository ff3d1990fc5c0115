package dev.fusebox.ft.cdi.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The guarded methods of the chaos soak ({@link ChaosSoakTest}). Each plays the script its caller
 * drew ({@link ChaosScript}) under one mix of policies. Timeouts are 4 ms and breaker delays 5 ms,
 * so every policy acts many times a second. {@link ChaosTarget} reads these annotations to know
 * which outcomes each method may have, so they are the only place the policies are written down.
 */
@ApplicationScoped
public class ChaosTargets {

    static final String FALLBACK = "fallback";

    /** The method's own failure that policies act on: retried, counted by breakers, served by fallbacks. */
    public static final class Retryable extends RuntimeException {
        Retryable() {
            super("retryable chaos", null, false, false);
        }
    }

    /** The method's own checked failure that policies leave alone: abortOn of retries, skipOn of breakers and fallbacks. */
    public static final class Fatal extends Exception {
        Fatal() {
            super("fatal chaos", null, false, false);
        }
    }

    @Bulkhead(3)
    public String syncBulkhead(ChaosScript script) throws Exception {
        return script.play();
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.3, delay = 5, successThreshold = 2, skipOn = Fatal.class)
    public String syncBreaker(ChaosScript script) throws Exception {
        return script.play();
    }

    @Retry(maxRetries = 2, delay = 0, jitter = 0, retryOn = Retryable.class, abortOn = Fatal.class)
    public String syncRetry(ChaosScript script) throws Exception {
        return script.play();
    }

    @Timeout(value = 4, unit = ChronoUnit.MILLIS)
    public String syncTimeout(ChaosScript script) throws Exception {
        return script.play();
    }

    @Fallback(fallbackMethod = "fallback", applyOn = Retryable.class, skipOn = Fatal.class)
    public String syncFallback(ChaosScript script) throws Exception {
        return script.play();
    }

    @Fallback(fallbackMethod = "fallback", skipOn = Fatal.class,
            applyOn = {Retryable.class, CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 1, jitter = 1, retryOn = {Retryable.class, TimeoutException.class}, abortOn = Fatal.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.3, delay = 5, successThreshold = 2, skipOn = Fatal.class)
    @Timeout(value = 4, unit = ChronoUnit.MILLIS)
    @Bulkhead(3)
    public String syncAll(ChaosScript script) throws Exception {
        return script.play();
    }

    @Asynchronous
    @Bulkhead(value = 3, waitingTaskQueue = 6)
    public Future<String> futureBulkhead(ChaosScript script) throws Exception {
        return CompletableFuture.completedFuture(script.play());
    }

    @Asynchronous
    @Fallback(fallbackMethod = "futureFallback", skipOn = Fatal.class,
            applyOn = {Retryable.class, CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 0, jitter = 0, retryOn = {Retryable.class, TimeoutException.class}, abortOn = Fatal.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.3, delay = 5, successThreshold = 2, skipOn = Fatal.class)
    @Timeout(value = 4, unit = ChronoUnit.MILLIS)
    @Bulkhead(value = 2, waitingTaskQueue = 4)
    public Future<String> futureAll(ChaosScript script) throws Exception {
        return CompletableFuture.completedFuture(script.play());
    }

    @Asynchronous
    @Timeout(value = 4, unit = ChronoUnit.MILLIS)
    @Bulkhead(value = 3, waitingTaskQueue = 6)
    public CompletionStage<String> stageBulkheadTimeout(ChaosScript script) throws Exception {
        return script.playStage();
    }

    @Asynchronous
    @Retry(maxRetries = 2, delay = 1, jitter = 1, retryOn = Retryable.class, abortOn = Fatal.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.3, delay = 5, successThreshold = 2, skipOn = Fatal.class)
    public CompletionStage<String> stageBreakerRetry(ChaosScript script) throws Exception {
        return script.playStage();
    }

    @Asynchronous
    @Fallback(fallbackMethod = "stageFallback", skipOn = Fatal.class,
            applyOn = {Retryable.class, CircuitBreakerOpenException.class, BulkheadException.class, TimeoutException.class})
    @Retry(maxRetries = 2, delay = 0, jitter = 0, retryOn = {Retryable.class, TimeoutException.class}, abortOn = Fatal.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.3, delay = 5, successThreshold = 2, skipOn = Fatal.class)
    @Timeout(value = 4, unit = ChronoUnit.MILLIS)
    @Bulkhead(value = 2, waitingTaskQueue = 4)
    public CompletionStage<String> stageAll(ChaosScript script) throws Exception {
        return script.playStage();
    }

    String fallback(ChaosScript script) {
        return FALLBACK;
    }

    Future<String> futureFallback(ChaosScript script) {
        return CompletableFuture.completedFuture(FALLBACK);
    }

    CompletionStage<String> stageFallback(ChaosScript script) {
        return CompletableFuture.completedFuture(FALLBACK);
    }
}
