package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.Jitter;
import dev.fusebox.ft.api.OpenCircuitDelay;
import dev.fusebox.ft.api.RateLimitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Guards built through the public API, run on real threads with short waits. */
class GuardTest {

    private final List<Guard> built = new ArrayList<>();
    private String name;

    GuardTest(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void close() {
        built.forEach(Guard::close);
    }

    private Guard.Builder builder() {
        return Guard.builder(name);
    }

    private Guard keep(Guard guard) {
        built.add(guard);
        return guard;
    }

    @Test
    void retriesASynchronousCallUntilItSucceeds() throws Exception {
        Guard guard = keep(builder().retry(r -> r.maxRetries(3).jitter(Duration.ZERO)).build());
        AtomicInteger attempts = new AtomicInteger();
        String result = guard.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("down");
            }
            return "stock";
        });
        assertThat(result).isEqualTo("stock");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void theCallSitesFallbackReplacesTheFailuresItAppliesTo() throws Exception {
        Guard guard = keep(builder().retry(r -> r.maxRetries(1).jitter(Duration.ZERO))
                .fallbackOn(new Class<?>[] {Exception.class}, new Class<?>[] {IllegalStateException.class}).build());
        AtomicInteger attempts = new AtomicInteger();
        String fallen = guard.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("down");
        }, failure -> "cached after " + failure.getMessage());
        assertThat(fallen).isEqualTo("cached after down");
        assertThat(attempts).as("the retry runs inside the fallback").hasValue(2);
        assertThatThrownBy(() -> guard.call(() -> {
            throw new IllegalStateException("skipped");
        }, failure -> "never")).isInstanceOf(IllegalStateException.class).hasMessage("skipped");
    }

    @Test
    void anOpenBreakerRejectsEveryCallSiteOfTheGuard() throws Exception {
        Guard guard = keep(builder().circuitBreaker(cb -> cb.requestVolumeThreshold(4).failureRatio(0.5)
                .delay(Duration.ofMinutes(1))).build());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                throw new IOException("down");
            })).isInstanceOf(IOException.class);
        }
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> guard.call(() -> {
            ran.set(true);
            return 42;
        })).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessageContaining(name)
                .satisfies(open -> assertThat(((OpenCircuitDelay) open).remainingOpenDelay()).get()
                        .matches(left -> left.compareTo(Duration.ZERO) > 0 && left.compareTo(Duration.ofMinutes(1)) <= 0));
        CompletionStage<String> otherSite = guard.callStage(() -> {
            ran.set(true);
            return CompletableFuture.completedFuture("x");
        });
        assertThatThrownBy(() -> otherSite.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CircuitBreakerOpenException.class);
        assertThat(ran).as("a rejected call never runs").isFalse();
    }

    @Test
    void theBreakersSkipOnFailuresCountAsSuccesses() {
        Guard guard = keep(builder().circuitBreaker(cb -> cb.requestVolumeThreshold(2).failureRatio(0.5)
                .skipOn(UncheckedIOException.class)).build());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                throw new UncheckedIOException(new IOException("expected"));
            })).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void aRateLimitRejectsTheCallOverItWithTheWaitBeforeTheNextSlot() throws Exception {
        Guard guard = keep(builder().rateLimit(l -> l.limit(2).window(Duration.ofHours(1))).build());
        assertThat(guard.call(() -> 1)).isEqualTo(1);
        assertThat(guard.call(() -> 2)).isEqualTo(2);
        assertThatThrownBy(() -> guard.call(() -> 3)).isInstanceOf(RateLimitException.class)
                .satisfies(e -> assertThat(((RateLimitException) e).getRetryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
    }

    @Test
    void aShadowRateLimitLetsTheCallOverItRun() throws Exception {
        Guard guard = keep(builder().rateLimit(l -> l.limit(1).window(Duration.ofHours(1)).shadow(true)).build());
        guard.call(() -> 1);
        assertThat(guard.call(() -> 2)).isEqualTo(2);
        assertThat(((FuseboxGuard) guard).engines().rateLimit().wouldReject()).isEqualTo(1);
    }

    @Test
    void aTimeoutInterruptsTheLateCallAndThrowsTheSpecificationsException() {
        Guard guard = keep(builder().timeout(Duration.ofMillis(100)).build());
        AtomicBoolean interrupted = new AtomicBoolean();
        assertThatThrownBy(() -> guard.call(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return "late";
        })).isInstanceOf(TimeoutException.class);
        assertThat(interrupted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the caller is not left interrupted").isFalse();
    }

    @Test
    void aFullBulkheadRejectsAndTheGuardServesOneKindOfCall() throws Exception {
        Guard guard = keep(builder().bulkhead(b -> b.limit(1)).build());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                guard.call(() -> {
                    inside.countDown();
                    return leave.await(10, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> guard.call(() -> "second")).isInstanceOf(BulkheadException.class);
        leave.countDown();
        holder.join(10_000);
        assertThat(guard.call(() -> "after")).as("the slot was given back").isEqualTo("after");
        assertThatThrownBy(() -> guard.callStage(() -> CompletableFuture.completedFuture(1))
                .toCompletableFuture().join()).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build a second guard");
    }

    @Test
    void aStageIsRetriedWhenItFailsOrItsActionThrows() throws Exception {
        Guard guard = keep(builder().retry(r -> r.maxRetries(3).delay(Duration.ofMillis(5)).jitter(Duration.ZERO))
                .build());
        AtomicInteger attempts = new AtomicInteger();
        CompletionStage<String> stage = guard.callStage(() -> switch (attempts.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("thrown, not a stage");
            case 2 -> CompletableFuture.failedFuture(new IOException("failed stage"));
            default -> CompletableFuture.completedFuture("stock");
        });
        assertThat(stage.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("stock");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aStageThatNeverCompletesTimesOutAndFallsBack() throws Exception {
        Guard guard = keep(builder().timeout(Duration.ofMillis(50)).build());
        CompletionStage<String> timedOut = guard.callStage(CompletableFuture::new);
        assertThatThrownBy(() -> timedOut.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        CompletionStage<String> fallen = guard.callStage(CompletableFuture::new,
                failure -> CompletableFuture.completedFuture(failure.getClass().getSimpleName()));
        assertThat(fallen.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("TimeoutException");
    }

    @Test
    void aResultThePredicateRefusesIsRetriedAndTheHookRunsBeforeEachRetry() throws Exception {
        List<Integer> hooks = new ArrayList<>();
        Guard guard = keep(builder().retry(r -> r.maxRetries(5).jitter(Duration.ZERO)
                .exponentialBackoff(2, Duration.ofMillis(20), Jitter.NONE).delay(Duration.ofMillis(1))
                .whenResult(result -> result == null)
                .beforeRetry((retry, cause) -> hooks.add(retry))).build());
        AtomicInteger attempts = new AtomicInteger();
        String result = guard.call(() -> attempts.incrementAndGet() < 3 ? null : "ready");
        assertThat(result).isEqualTo("ready");
        assertThat(hooks).containsExactly(1, 2);
    }

    @Test
    void aRetryBudgetCapsRetriesAtItsShareOfFirstAttempts() {
        Guard guard = keep(builder().retry(r -> r.maxRetries(3).jitter(Duration.ZERO))
                .retryBudget(b -> b.ratio(0.5).minRetriesPerSecond(0).ttl(Duration.ofSeconds(60))).build());
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guard.call(() -> {
                attempts.incrementAndGet();
                throw new IOException("down");
            })).isInstanceOf(IOException.class);
        }
        assertThat(attempts.get() - 10).as("retries: half a retry per first attempt").isEqualTo(5);
    }

    @Test
    void badOptionsAreRefusedNamingTheGuardAndThePolicy() {
        assertThatThrownBy(() -> builder().circuitBreaker(cb -> cb.failureRatio(1.5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("guard " + name + ", circuitBreaker: failureRatio must be between 0 and 1");
        assertThatThrownBy(() -> builder().rateLimit(l -> l.limit(2_000_000)).build())
                .hasMessageContaining("rateLimit: rate limit value must be at most 1000000");
        assertThatThrownBy(() -> builder().bulkhead(b -> b.waitingTaskQueue(1_000_000)).build())
                .hasMessageContaining("bulkhead: bulkhead waitingTaskQueue must be 0 to 10000");
        assertThatThrownBy(() -> builder().timeout(Duration.ofMillis(-1)))
                .hasMessageContaining("timeout: timeout must not be negative");
        assertThatThrownBy(() -> builder().retryBudget(b -> { }).build())
                .hasMessageContaining("retryBudget: needs a retry");
        assertThatThrownBy(() -> builder().retry(r -> r.whenException(e -> true).retryOn(IOException.class)).build())
                .hasMessageContaining("replaces retryOn and abortOn");
        assertThatThrownBy(() -> builder().retry(r -> r.retryOn(String.class)))
                .hasMessageContaining("retryOn takes Throwable types only");
        assertThatThrownBy(() -> builder().retry(r -> r.maxDuration(Duration.ofSeconds(1))
                .exponentialBackoff(2, Duration.ofSeconds(2), Jitter.FULL)).build())
                .hasMessageContaining("must be less than maxDuration");
        assertThatThrownBy(() -> builder().timeout(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("each policy is set once");
    }

    @Test
    void namesAreCheckedAndUniqueAmongLiveGuardsUntilClosed() throws Exception {
        for (String bad : new String[] {"", "has space", "dot.ted", "a/b", "x".repeat(101)}) {
            assertThatThrownBy(() -> Guard.builder(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 100 of A-Z a-z 0-9 _ -");
        }
        assertThatThrownBy(() -> Guard.builder(null)).isInstanceOf(IllegalArgumentException.class);
        Guard first = builder().build();
        assertThatThrownBy(() -> builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a guard named " + name + " is live already");
        first.close();
        assertThat(first.call(() -> "still works")).isEqualTo("still works");
        keep(builder().build());
        assertThat(ManagedGuards.live()).extracting(ManagedGuard::name).contains(name);
    }

    @Test
    void managementIsToldOfEveryGuardBuiltOrClosedUntilItStopsListening() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        AutoCloseable listening = ManagedGuards.listen(() -> seen.add(ManagedGuards.live().stream()
                .map(ManagedGuard::name).filter(n -> n.startsWith(name)).sorted().toList()));
        Guard first = builder().build();
        Guard second = Guard.builder(name + "-2").build();
        first.close();
        first.close();
        listening.close();
        second.close();
        assertThat(seen).as("built, built, closed; a second close and changes after the listener left are not told")
                .containsExactly(List.of(name), List.of(name, name + "-2"), List.of(name + "-2"));
    }

    @Test
    void configuredValuesOverrideTheCodesOptionsByGuardPolicyAndParameter() throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                name + "/Retry/maxRetries", "1",
                name + "/CircuitBreaker/requestVolumeThreshold", "2",
                name + "/CircuitBreaker/delay", "PT1M",
                name + "/Timeout/enabled", "false"));
        try (AutoCloseable installed = ManagedGuards.configureWith(config::get)) {
            Guard guard = keep(builder().retry(r -> r.maxRetries(5).jitter(Duration.ZERO))
                    .circuitBreaker(cb -> cb.requestVolumeThreshold(50).failureRatio(1).delay(Duration.ofMillis(1)))
                    .timeout(Duration.ofMillis(1)).build());
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> guard.call(() -> {
                attempts.incrementAndGet();
                Thread.sleep(20); // past the code's 1 ms timeout, which configuration turned off
                throw new IOException("down");
            })).isInstanceOf(IOException.class);
            assertThat(attempts).as("one retry, not five; no timeout").hasValue(2);
            assertThatThrownBy(() -> guard.call(() -> attempts.incrementAndGet()))
                    .as("the breaker of 2 calls opened and its 1 min delay holds")
                    .isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(attempts).hasValue(2);

            config.put(name + "-bad/RateLimit/window", "soon");
            assertThatThrownBy(() -> Guard.builder(name + "-bad").rateLimit(l -> { }).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("guard " + name + "-bad, rateLimit: the configured value of " + name
                            + "-bad/RateLimit/window is not milliseconds or an ISO-8601 duration such as PT0.5S: soon");
            config.put(name + "-long/Retry/maxRetries", "1".repeat(65));
            assertThatThrownBy(() -> Guard.builder(name + "-long").retry(r -> { }).build())
                    .hasMessageContaining("is 65 characters; at most 64 are read");
            config.put(name + "-off/Retry/enabled", "false");
            Guard off = keep(Guard.builder(name + "-off").retry(r -> { }).retryBudget(b -> { }).build());
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> off.call(() -> {
                calls.incrementAndGet();
                throw new IOException("down");
            })).isInstanceOf(IOException.class);
            assertThat(calls).as("retry turned off, and its budget with it").hasValue(1);
        }
    }

    @Test
    void theLiveGuardsAreBoundedSoAGuardBuiltPerCallFailsClearly() {
        int room = GuardRegistry.MAX_GUARDS - ManagedGuards.live().size();
        List<Guard> many = new ArrayList<>(room);
        try {
            for (int i = 0; i < room; i++) {
                many.add(Guard.builder(name + "-" + i).build());
            }
            assertThatThrownBy(() -> Guard.builder(name + "-over").build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(GuardRegistry.MAX_GUARDS + " guards are live already");
        } finally {
            many.forEach(Guard::close);
        }
        keep(Guard.builder(name + "-after").build());
    }
}
