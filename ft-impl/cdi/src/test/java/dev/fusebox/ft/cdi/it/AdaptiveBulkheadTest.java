package dev.fusebox.ft.cdi.it;

import static dev.fusebox.ft.cdi.it.InvalidDefinitionTest.deploymentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @AdaptiveBulkhead} through the real interceptor: the limit holds as many calls as it is,
 * rejects the next with the specification's {@link BulkheadException} (no queue), and gives places
 * back when calls end; a batch method may not use the live reserve; MicroProfile Config overrides
 * its parameters; a bad value, or a {@code @Bulkhead} beside it, fails deployment. The limit's
 * movement with latency is the engine's, tested in core ({@code AdaptiveLimitTest}).
 */
@ExtendWith(ThreadHygiene.class)
class AdaptiveBulkheadTest {

    private static final String LIVE = Shop.class.getName() + "/live/AdaptiveBulkhead/";

    @ApplicationScoped
    public static class Shop {
        private final List<CompletableFuture<String>> pending = new CopyOnWriteArrayList<>();
        private final Semaphore started = new Semaphore(0);

        /** Completes every call started so far, once {@code calls} have started. */
        void finish(int calls) throws InterruptedException {
            assertThat(started.tryAcquire(calls, 10, TimeUnit.SECONDS)).as("%d calls started", calls).isTrue();
            pending.forEach(call -> call.complete("done"));
        }

        private CompletionStage<String> held() {
            CompletableFuture<String> call = new CompletableFuture<>();
            pending.add(call);
            started.release();
            return call;
        }

        @Asynchronous
        @AdaptiveBulkhead(initialLimit = 2, minLimit = 1, maxLimit = 4, liveReserve = 0)
        public CompletionStage<String> live() {
            return held();
        }

        @Asynchronous
        @AdaptiveBulkhead(initialLimit = 2, minLimit = 1, maxLimit = 4, liveReserve = 0.5, priority = CallPriority.BATCH)
        public CompletionStage<String> batch() {
            return held();
        }
    }

    @ApplicationScoped
    public static class BothBulkheads {
        @Bulkhead(5)
        @AdaptiveBulkhead
        public String call() {
            return "ok";
        }
    }

    private static Throwable failure(CompletionStage<String> call) {
        try {
            call.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
    }

    @Test
    void theLimitHoldsItsCallsRejectsTheNextAndTakesCallsAgainOnceTheyEnd() throws Exception {
        try (Container container = Container.start(Shop.class)) {
            Shop shop = container.bean(Shop.class);
            CompletionStage<String> first = shop.live();
            CompletionStage<String> second = shop.live();
            assertThat(failure(shop.live())).isInstanceOf(BulkheadException.class)
                    .hasMessageContaining(Shop.class.getName() + "#live");

            CompletionStage<String> batch = shop.batch();
            assertThat(failure(shop.batch())).as("a batch call may not use the live reserve")
                    .isInstanceOf(BulkheadException.class);

            shop.finish(3);
            assertThat(first.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(second.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(batch.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
            CompletionStage<String> again = shop.live();
            shop.finish(1);
            assertThat(again.toCompletableFuture().get(10, TimeUnit.SECONDS)).as("the places came back").isEqualTo("done");
        }
    }

    @Test
    void configOverridesItsParametersAndBadDefinitionsFailDeployment() throws Exception {
        try (Container container = Container.start(Map.of(LIVE + "initialLimit", "1"), Shop.class)) {
            Shop shop = container.bean(Shop.class);
            CompletionStage<String> first = shop.live();
            assertThat(failure(shop.live())).as("an initial limit of 1 from config").isInstanceOf(BulkheadException.class);
            shop.finish(1);
            assertThat(first.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(deploymentFailure(Map.of(LIVE + "maxLimit", "10001"), Shop.class))
                .contains("@AdaptiveBulkhead", "maxLimit = 10001", "at most 10000");
        assertThat(deploymentFailure(Map.of(LIVE + "initialLimit", "9"), Shop.class))
                .contains("initialLimit = 9", "within [1, 4]");
        assertThat(deploymentFailure(Map.of(LIVE + "algorithm", "vegas"), Shop.class))
                .contains("algorithm", "AIMD", "GRADIENT");
        assertThat(deploymentFailure(Map.of(), BothBulkheads.class))
                .contains("@AdaptiveBulkhead", "@Bulkhead governs the same method", "use one bulkhead");
        assertThat(deploymentFailure(Map.of(LIVE + "liveReserve", "0.95"), Shop.class))
                .contains("liveReserve = 0.95", "from 0 to 0.9");
    }
}
