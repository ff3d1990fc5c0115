package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.AdaptiveAlgorithm;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.api.LoadShedException;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.adaptive.Priority;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A guard's adaptive bulkhead, on real threads: calls over the limit are rejected, places come
 * back whatever the outcome, batch calls leave the live reserve. Windows last an hour and need
 * 10,000 calls, so the limit stays at its initial value while a test runs.
 */
class GuardAdaptiveBulkheadTest {

    private final List<Guard> built = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(3);
    private final String name;

    GuardAdaptiveBulkheadTest(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        built.forEach(Guard::close);
    }

    private Guard guard(Consumer<GuardOptions.AdaptiveBulkhead> options) {
        Guard guard = Guard.builder(name).adaptiveBulkhead(a -> {
            a.window(Duration.ofHours(1)).minSamples(10_000);
            options.accept(a);
        }).build();
        built.add(guard);
        return guard;
    }

    private AdaptiveLimit limit() {
        return ManagedGuards.live(name).engines().adaptiveLimit();
    }

    @Test
    void aSynchronousCallOverTheLimitIsRejectedAndThePlacesComeBack() throws Exception {
        Guard guard = guard(a -> a.initialLimit(2).maxLimit(2).liveReserve(0));
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        List<Future<Boolean>> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            holders.add(callers.submit(() -> guard.call(() -> {
                inside.countDown();
                return leave.await(10, TimeUnit.SECONDS);
            })));
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("both places taken").isTrue();
        assertThat(limit().inflight()).isEqualTo(2);

        assertThatThrownBy(() -> guard.call(() -> "third")).isInstanceOf(BulkheadException.class)
                .hasMessageContaining(name);
        leave.countDown();
        for (Future<Boolean> holder : holders) {
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(limit().inflight()).as("both places given back").isZero();
        assertThat(guard.call(() -> "after")).isEqualTo("after");
    }

    @Test
    void aFailedCallGivesItsPlaceBack() throws Exception {
        Guard guard = guard(a -> a.initialLimit(1).maxLimit(1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                throw new IOException("down");
            })).isInstanceOf(IOException.class);
        }
        assertThat(limit().inflight()).isZero();
        assertThat(guard.call(() -> "up")).as("the one place is free").isEqualTo("up");
    }

    @Test
    void oneAdaptiveLimitServesSynchronousCallsAndStagesAlike() throws Exception {
        Guard guard = guard(a -> a.initialLimit(1).maxLimit(1));
        CompletableFuture<String> held = new CompletableFuture<>();
        CompletionStage<String> holder = guard.callStage(() -> held);

        assertThatThrownBy(() -> guard.call(() -> "sync")).as("the stage holds the one place until it completes")
                .isInstanceOf(BulkheadException.class);
        CompletionStage<String> rejected = guard.callStage(() -> CompletableFuture.completedFuture("stage"));
        assertThatThrownBy(() -> rejected.toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BulkheadException.class);
        held.complete("done");
        assertThat(holder.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(guard.call(() -> "sync")).as("no bulkhead kind was claimed").isEqualTo("sync");
        assertThat(guard.callStage(() -> CompletableFuture.completedFuture("stage")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).isEqualTo("stage");
    }

    @Test
    void batchCallsAreRefusedWhileOnlyTheLiveReserveIsLeft() throws Exception {
        Guard guard = guard(a -> a.initialLimit(10).maxLimit(10).liveReserve(0.2).priority(CallPriority.BATCH));
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CompletableFuture<String> stage = new CompletableFuture<>();
            held.add(stage);
            guard.callStage(() -> stage);
        }
        assertThat(limit().inflight()).isEqualTo(8);
        assertThat(limit().limit()).as("two places are free, both in the live reserve").isEqualTo(10);

        assertThatThrownBy(() -> guard.call(() -> "ninth")).isInstanceOf(BulkheadException.class)
                .isInstanceOfSatisfying(LoadShedException.class, shed -> {
                    assertThat(shed.getPriority()).isEqualTo(CallPriority.BATCH);
                    assertThat(shed.getRetryAfter()).as("the window").isEqualTo(Duration.ofHours(1));
                });
        held.get(0).complete("done");
        assertThat(guard.call(() -> "eighth again")).as("a batch place came back").isEqualTo("eighth again");
        held.forEach(stage -> stage.complete("done"));
        assertThat(limit().inflight()).isZero();
    }

    @Test
    void liveCallsMayUseTheWholeLimit() throws Exception {
        Guard guard = guard(a -> a.initialLimit(10).maxLimit(10).liveReserve(0.2));
        List<CompletableFuture<String>> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<String> stage = new CompletableFuture<>();
            held.add(stage);
            guard.callStage(() -> stage);
        }
        assertThat(limit().inflight()).as("all ten admitted, the reserve too").isEqualTo(10);
        assertThatThrownBy(() -> guard.call(() -> "eleventh")).isInstanceOf(BulkheadException.class);
        held.forEach(stage -> stage.complete("done"));
    }

    @Test
    void theEnginesShowTheLimitAndItsPolicy() {
        guard(a -> a.algorithm(AdaptiveAlgorithm.AIMD).initialLimit(5).minLimit(2).maxLimit(50)
                .priority(CallPriority.BATCH));
        GuardEngines engines = ManagedGuards.live(name).engines();
        assertThat(engines.adaptiveLimit().policy()).satisfies(policy -> {
            assertThat(policy.initialLimit()).isEqualTo(5);
            assertThat(policy.minLimit()).isEqualTo(2);
            assertThat(policy.maxLimit()).isEqualTo(50);
            assertThat(policy.windowNanos()).isEqualTo(Duration.ofHours(1).toNanos());
            assertThat(policy.algorithm().getClass().getSimpleName()).isEqualTo("AimdAlgorithm");
        });
        assertThat(engines.adaptivePriority()).isEqualTo(Priority.BATCH);
        assertThat(engines.bulkhead()).as("no plain bulkhead beside it").isNull();
        assertThat(engines.hedge()).isNull();
        assertThat(engines.hedgeBudget()).isNull();
    }
}
