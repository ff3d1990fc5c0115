package dev.fusebox.samples.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Asks the recommendations service, off the caller's thread, what else to show the customer.
 * Nice to have: two requests run at once and two wait in the queue, the rest are refused; an
 * answer later than 400 ms is given up; whatever fails, the page shows no recommendations.
 */
@ApplicationScoped
public class RecommendationsClient {

    @Inject
    Dependencies dependencies;

    @Asynchronous
    @Bulkhead(value = 2, waitingTaskQueue = 2)
    @Timeout(value = 400, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 4_000, successThreshold = 2)
    @Fallback(fallbackMethod = "noRecommendations")
    public CompletionStage<Recommendations> alsoBought(String article) throws IOException, InterruptedException {
        dependencies.recommendations().enact();
        return CompletableFuture.completedFuture(new Recommendations(
                List.of(article + "-case", article + "-cable", article + "-warranty"), false));
    }

    CompletionStage<Recommendations> noRecommendations(String article) {
        return CompletableFuture.completedFuture(new Recommendations(List.of(), true));
    }

    /**
     * @param articles the articles to show
     * @param fallback whether the list is the fallback's empty one
     */
    public record Recommendations(List<String> articles, boolean fallback) {
    }
}
