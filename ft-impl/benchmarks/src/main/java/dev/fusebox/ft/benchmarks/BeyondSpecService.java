package dev.fusebox.ft.benchmarks;

import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Fusebox's side of {@link BeyondSpecBenchmarks}: the policies beyond the specification with
 * Fusebox's annotations ({@code dev.fusebox.ft.api}). The SmallRye module has a class of the same
 * name with SmallRye's annotations and the same parameters. The limits are far above what the
 * benchmark threads can call (a million per 10 ms), so every call is admitted: what is measured is
 * the admission's cost. Stateless; thread-safe.
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
