package dev.fusebox.samples.web;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The shop's front door with Fusebox's {@code @AdaptiveBulkhead}: one limit for every endpoint,
 * found from the requests' latency, a quarter of it kept for live requests, so that browsing
 * (batch) is refused before checkouts. Override like any parameter, e.g.
 * {@code dev.fusebox.samples.web.AdaptiveAdmission/admit/AdaptiveBulkhead/maxLimit=100}.
 */
@ApplicationScoped
public class AdaptiveAdmission {

    @AdaptiveBulkhead(initialLimit = 20, minLimit = 4, maxLimit = 200, window = 500, windowUnit = ChronoUnit.MILLIS,
            minSamples = 10, liveReserve = 0.25)
    public <T> T admit(CallPriority priority, Supplier<T> work) {
        return work.get();
    }
}
