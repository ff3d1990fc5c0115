package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.core.hedge.Hedge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A guard's hedge, on real threads: the attempt that calls the action first hangs until it is
 * interrupted (or 10 s pass), the next one answers. Nothing here depends on how fast a thread runs:
 * whichever attempt reaches the action first is the one that hangs.
 */
class GuardHedgeTest {

    private final List<Guard> built = new ArrayList<>();
    private final String name;

    GuardHedgeTest(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void close() {
        built.forEach(Guard::close);
    }

    private Guard keep(Guard guard) {
        built.add(guard);
        return guard;
    }

    private Hedge hedge() {
        return ManagedGuards.live(name).engines().hedge();
    }

    /** The first call to it hangs until interrupted, then counts the interrupt down; later calls answer at once. */
    private static final class HangingFirst {
        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch interrupted = new CountDownLatch(1);
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Supplier<String> answer;

        HangingFirst(Supplier<String> answer) {
            this.answer = answer;
        }

        HangingFirst() {
            this(() -> "hedged");
        }

        String call() throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            if (attempts.incrementAndGet() > 1) {
                return answer.get();
            }
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "first, never hedged";
        }
    }

    @Test
    void aSynchronousCallWhoseFirstAttemptHangsGetsTheHedgesAnswerAndTheLoserIsInterrupted() throws Exception {
        Guard guard = keep(Guard.builder(name).hedge(h -> h.delay(Duration.ofMillis(20))).build());
        HangingFirst action = new HangingFirst();

        assertThat(guard.call(action::call)).isEqualTo("hedged");
        assertThat(action.interrupted.await(10, TimeUnit.SECONDS)).as("the hanging attempt is interrupted").isTrue();
        assertThat(action.attempts).hasValue(2);
        assertThat(action.threads).as("both attempts ran on the guards' workers, not the caller's thread")
                .allMatch(thread -> thread.startsWith("fusebox-guard-worker-"));
        assertThat(hedge().hedgesStarted()).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aStageWhoseFirstAttemptHangsGetsTheHedgesAnswer() throws Exception {
        Guard guard = keep(Guard.builder(name).hedge(h -> h.delay(Duration.ofMillis(20))).build());
        CompletableFuture<String> hanging = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> answer = guard.<String>callStage(() -> attempts.incrementAndGet() == 1 ? hanging
                : CompletableFuture.completedFuture("hedged")).toCompletableFuture();

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("hedged");
        assertThat(attempts).hasValue(2);
        assertThat(hedge().hedgesStarted()).isEqualTo(1);
        assertThat(hedge().hedgesWon()).as("the first attempt's stage was called on this thread, before any hedge")
                .isEqualTo(1);
        hanging.complete("late");
        assertThat(answer.get()).as("a late first attempt changes nothing").isEqualTo("hedged");
    }

    @Test
    void eachAttemptTakesAPlaceOfItsOwnAndTheLoserGivesItsBackWhenInterrupted() throws Exception {
        Guard guard = keep(Guard.builder(name).hedge(h -> h.delay(Duration.ofMillis(20)))
                .adaptiveBulkhead(a -> a.initialLimit(2).maxLimit(2).liveReserve(0).window(Duration.ofHours(1))
                        .minSamples(10_000)).build());
        var limit = ManagedGuards.live(name).engines().adaptiveLimit();
        HangingFirst action = new HangingFirst(() -> "places in use: " + limit.inflight());

        assertThat(guard.call(action::call)).as("the hanging attempt's and the hedge's").isEqualTo("places in use: 2");
        assertThat(action.interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limit.inflight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the loser gives its place back on its worker after the interrupt
        }
        assertThat(limit.inflight()).as("no place kept by the loser").isZero();
    }

    @Test
    void theRateLimitSeesAHedgedCallAsOneCall() throws Exception {
        Guard guard = keep(Guard.builder(name).rateLimit(l -> l.limit(1).window(Duration.ofHours(1)))
                .hedge(h -> h.delay(Duration.ofMillis(20))).build());
        HangingFirst action = new HangingFirst();

        assertThat(guard.call(action::call)).as("the hedge needs no permit of its own").isEqualTo("hedged");
        assertThat(action.attempts).hasValue(2);
        assertThatThrownBy(() -> guard.call(action::call)).as("the call took the one permit")
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void aHedgeWithoutAPlaceLeavesTheCallToTheAttemptsItHas() throws Exception {
        Guard guard = keep(Guard.builder(name).hedge(h -> h.delay(Duration.ofMillis(20)))
                .adaptiveBulkhead(a -> a.initialLimit(1).maxLimit(1).window(Duration.ofHours(1)).minSamples(10_000))
                .build());
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> first = new CompletableFuture<>();

        CompletableFuture<String> answer = guard.<String>callStage(() -> {
            attempts.incrementAndGet();
            return first;
        }).toCompletableFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hedge().hedgesStarted() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the hedge starts after its delay and finds the one place taken
        }
        assertThat(hedge().hedgesStarted()).isEqualTo(1);
        assertThat(attempts).as("the hedge was refused a place before it reached the action").hasValue(1);
        assertThat(answer).as("a refused hedge does not end the call").isNotDone();
        first.complete("first");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void theEnginesShowTheHedgeAndItsBudget() {
        keep(Guard.builder(name).hedge(h -> h.delay(Duration.ofMillis(50)).maxHedges(3).percentile(0.95)
                .budget(0.5).minHedgesPerSecond(2)).build());
        GuardEngines engines = ManagedGuards.live(name).engines();
        assertThat(engines.hedge().policy().delayNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(engines.hedge().policy().maxHedges()).isEqualTo(3);
        assertThat(engines.hedge().policy().percentile()).isEqualTo(0.95);
        assertThat(engines.hedgeBudget().policy().ratio()).isEqualTo(0.5);
        assertThat(engines.hedgeBudget().policy().minRetriesPerSecond()).isEqualTo(2);
        assertThat(engines.hedgeBudget().policy().ttlNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
        assertThat(engines.adaptiveLimit()).isNull();
        assertThat(engines.adaptivePriority()).isNull();
    }
}
