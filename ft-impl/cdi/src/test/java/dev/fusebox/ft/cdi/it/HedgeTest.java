package dev.fusebox.ft.cdi.it;

import static dev.fusebox.ft.cdi.it.InvalidDefinitionTest.deploymentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Hedge} through the real interceptor on real threads: a first attempt that hangs is
 * hedged after the delay, the hedge answers, and the hanging attempt is interrupted; for a
 * synchronous method and an asynchronous one; the breaker counts the hedged call once; bad values
 * fail deployment. Asserts what happens, never how fast.
 */
@ExtendWith(ThreadHygiene.class)
class HedgeTest {

    @ApplicationScoped
    public static class Search {
        private final AtomicInteger attempts = new AtomicInteger();
        private final CountDownLatch interrupted = new CountDownLatch(2);

        boolean firstAttemptsInterrupted() throws InterruptedException {
            return interrupted.await(10, TimeUnit.SECONDS);
        }

        int attempts() {
            return attempts.get();
        }

        /** Odd attempts hang until interrupted; even ones answer at once. */
        private String attempt() throws InterruptedException {
            if (attempts.incrementAndGet() % 2 == 1) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return "hedged";
        }

        @Hedge(delay = 20)
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 0.5)
        public String query() throws InterruptedException {
            return attempt();
        }

        @Asynchronous
        @Hedge(delay = 20)
        public CompletionStage<String> queryAsync() throws InterruptedException {
            return CompletableFuture.completedFuture(attempt());
        }
    }

    @Test
    void aHangingFirstAttemptIsHedgedTheHedgeAnswersAndTheFirstIsInterrupted() throws Exception {
        try (Container container = Container.start(Search.class)) {
            Search search = container.bean(Search.class);
            assertThat(search.query()).isEqualTo("hedged");
            assertThat(search.queryAsync().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("hedged");
            assertThat(search.firstAttemptsInterrupted()).as("both hanging attempts interrupted").isTrue();
            assertThat(search.attempts()).isEqualTo(4);
        }
    }

    @Test
    void badValuesFailDeployment() {
        String query = Search.class.getName() + "/query/Hedge/";
        assertThat(deploymentFailure(Map.of(query + "maxHedges", "5"), Search.class))
                .contains("@Hedge", "maxHedges = 5", "from 1 to 4");
        assertThat(deploymentFailure(Map.of(query + "percentile", "0.3"), Search.class))
                .contains("percentile = 0.3", "0.5 to 0.999");
        assertThat(deploymentFailure(Map.of(query + "delay", "0"), Search.class)).contains("delay = 0");
    }
}
