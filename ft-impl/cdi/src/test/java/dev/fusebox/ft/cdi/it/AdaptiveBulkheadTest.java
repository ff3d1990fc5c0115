package dev.fusebox.ft.cdi.it;

import static dev.fusebox.ft.cdi.it.InvalidDefinitionTest.deploymentFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.LoadShedException;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** One limit of 4 (a live reserve of 2) shared by calls that each give their priority. */
    @ApplicationScoped
    public static class Front {
        @AdaptiveBulkhead(initialLimit = 4, minLimit = 1, maxLimit = 8, liveReserve = 0.5)
        public String serve(CallPriority priority, CountDownLatch entered, CountDownLatch leave)
                throws InterruptedException {
            entered.countDown();
            assertThat(leave.await(10, TimeUnit.SECONDS)).isTrue();
            return "served " + priority;
        }
    }

    @ApplicationScoped
    public static class TwoPriorities {
        @AdaptiveBulkhead
        public String serve(CallPriority first, CallPriority second) {
            return "never";
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

    @Test
    void eachCallsPriorityParameterDecidesWhetherTheLiveReserveIsOpenToIt() throws Exception {
        try (Container container = Container.start(Front.class)) {
            Front front = container.bean(Front.class);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch leave = new CountDownLatch(1);
                CountDownLatch entered = new CountDownLatch(2);
                List<Future<String>> batch = List.of(
                        callers.submit(() -> front.serve(CallPriority.BATCH, entered, leave)),
                        callers.submit(() -> front.serve(CallPriority.BATCH, entered, leave)));
                assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
                Throwable shed = catchThrowable(() -> front.serve(CallPriority.BATCH, new CountDownLatch(1), leave));
                assertThat(shed).as("a third batch call finds only the live reserve")
                        .isInstanceOf(LoadShedException.class).isInstanceOf(BulkheadException.class)
                        .hasMessageContaining(Front.class.getName() + "#serve");
                assertThat(((LoadShedException) shed).getPriority()).isEqualTo(CallPriority.BATCH);
                assertThat(((LoadShedException) shed).getRetryAfter()).as("the window").isEqualTo(Duration.ofSeconds(1));
                CountDownLatch liveEntered = new CountDownLatch(2);
                List<Future<String>> live = List.of(
                        callers.submit(() -> front.serve(CallPriority.LIVE, liveEntered, leave)),
                        callers.submit(() -> front.serve(null, liveEntered, leave)));
                assertThat(liveEntered.await(10, TimeUnit.SECONDS)).as("live calls, and a call without one at the"
                        + " method's LIVE, use the reserve").isTrue();
                assertThat(catchThrowable(() -> front.serve(CallPriority.LIVE, new CountDownLatch(1), leave)))
                        .as("the whole limit in use").isInstanceOf(LoadShedException.class);
                leave.countDown();
                for (Future<String> call : batch) {
                    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("served BATCH");
                }
                assertThat(live.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("served LIVE");
                assertThat(live.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("served null");
            } finally {
                callers.shutdownNow();
                assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(deploymentFailure(Map.of(), TwoPriorities.class))
                .contains("@AdaptiveBulkhead", "priority", "one CallPriority parameter at most");
    }
}
