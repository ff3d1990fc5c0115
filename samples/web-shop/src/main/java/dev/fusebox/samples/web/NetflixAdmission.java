package dev.fusebox.samples.web;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.LoadShedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The front door with Netflix's concurrency-limits library (Gradient2, its recommended limit, with
 * the bounds of {@link AdaptiveAdmission}): the comparison's third variant, no Fusebox policy
 * involved. A refusal is thrown as Fusebox's {@link LoadShedException} only so that the shop
 * answers it as it answers {@link AdaptiveAdmission}'s (503); the library itself knows no
 * priority, so every refused call is reported as live. A failure is sampled as ignored, a timeout
 * as a drop, as the library's servlet filter does.
 */
@ApplicationScoped
public class NetflixAdmission {

    private final Limiter<Void> limiter = SimpleLimiter.newBuilder().named("web-shop")
            .limit(Gradient2Limit.newBuilder().initialLimit(20).minLimit(4).maxConcurrency(200).build()).build();

    public <T> T admit(CallPriority priority, Supplier<T> work) {
        Optional<Limiter.Listener> place = limiter.acquire(null);
        if (place.isEmpty()) {
            throw new LoadShedException("concurrency limit reached (concurrency-limits)", CallPriority.LIVE,
                    Duration.ofSeconds(1));
        }
        Limiter.Listener listener = place.get();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                listener.onDropped();
            } else {
                listener.onIgnore();
            }
            throw failure;
        }
        listener.onSuccess();
        return result;
    }
}
