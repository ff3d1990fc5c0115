package dev.fusebox.ft.benchmarks;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * SmallRye's side of {@code BeyondSpecBenchmarks}: the same methods and parameters as Fusebox's
 * {@code BeyondSpecService} (module ft-impl/benchmarks), with SmallRye Fault Tolerance's own
 * annotations. Every call is admitted (a million per 10 ms). Stateless; thread-safe.
 */
@ApplicationScoped
public class BeyondSpecService {

    @RateLimit(value = 1_000_000, window = 10, windowUnit = ChronoUnit.MILLIS)
    public String rateLimitFixed() {
        return "ok";
    }

    @RateLimit(value = 1_000_000, window = 10, windowUnit = ChronoUnit.MILLIS, type = RateLimitType.SMOOTH)
    public String rateLimitSmooth() {
        return "ok";
    }

    @Retry
    @ExponentialBackoff
    public String exponentialBackoffSucceeds() {
        return "ok";
    }
}
