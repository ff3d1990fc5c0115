package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;

/**
 * Methods that always fail, behind breakers that open after four failures and stay open for a day:
 * once the setup has opened them, every call is rejected without reaching the method.
 */
@ApplicationScoped
public class FailingService {

    /** Calls that reached a method body; unchanged by a call once its breaker is open. */
    private final AtomicInteger invocations = new AtomicInteger();

    int invocations() {
        return invocations.get();
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.DAYS)
    public String failFast() {
        invocations.incrementAndGet();
        throw new IllegalStateException("dependency down");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.DAYS)
    @Fallback(fallbackMethod = "degraded")
    public String withFallback() {
        invocations.incrementAndGet();
        throw new IllegalStateException("dependency down");
    }

    String degraded() {
        return "degraded";
    }
}
