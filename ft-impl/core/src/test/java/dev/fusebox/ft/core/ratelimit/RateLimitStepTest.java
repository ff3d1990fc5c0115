package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.RejectingBreaker;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RateLimitOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rate limit's sync and async links in virtual time: admit, refuse with retryAfter, or count in shadow. */
class RateLimitStepTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final RateLimit rateLimit = new RateLimit("shop/checkout",
            new RateLimitPolicy(RateLimitWindow.FIXED, 2, SECOND, 0), time.nanoTime());
    private final Outcomes metrics = new Outcomes();
    private final AtomicInteger ran = new AtomicInteger();

    /** Records the rate limit outcomes reported. */
    private static final class Outcomes implements MethodMetrics {
        final List<RateLimitOutcome> seen = new ArrayList<>();

        @Override
        public synchronized void rateLimitCall(RateLimitOutcome outcome) {
            seen.add(outcome);
        }
    }

    private final SyncStep syncNext = invocation -> {
        ran.incrementAndGet();
        return invocation.proceed();
    };

    @Test
    void syncCallsBeyondTheLimitFailWithTheTimeToWaitAndDoNotRun() throws Exception {
        RateLimitStep step = new RateLimitStep(syncNext, rateLimit, Rejections.plain(), time, metrics);
        time.advance(Duration.ofMillis(250));
        assertThat(step.call(() -> "one")).isEqualTo("one");
        assertThat(step.call(() -> "two")).isEqualTo("two");
        assertThatThrownBy(() -> step.call(() -> "three")).isInstanceOf(RejectedExecutionException.class)
                .hasMessage("rate limit exceeded: shop/checkout, retry after 750000000 ns");
        assertThat(ran).hasValue(2);
        time.advance(Duration.ofMillis(750));
        assertThat(step.call(() -> "four")).isEqualTo("four");
        assertThat(metrics.seen).containsExactly(RateLimitOutcome.PERMITTED, RateLimitOutcome.PERMITTED,
                RateLimitOutcome.REJECTED, RateLimitOutcome.PERMITTED);
        assertThat(rateLimit.snapshot()).isEqualTo(new RateLimitSnapshot("shop/checkout", rateLimit.policy(), false,
                3, 1, 0));
    }

    @Test
    void theRejectionsOfTheLayerAboveGetTheNameAndTheExactWait() {
        List<String> made = new ArrayList<>();
        Rejections rejections = new Rejections() {
            @Override
            public RuntimeException circuitOpen(RejectingBreaker breaker) {
                throw new AssertionError();
            }

            @Override
            public RuntimeException bulkheadFull(String name) {
                throw new AssertionError();
            }

            @Override
            public RuntimeException timeout(String name, long timeoutNanos) {
                throw new AssertionError();
            }

            @Override
            public RuntimeException rateLimited(String name, long retryAfterNanos) {
                made.add(name + " " + retryAfterNanos);
                return new IllegalStateException("limited");
            }
        };
        RateLimitStep step = new RateLimitStep(syncNext, rateLimit, rejections, time, metrics);
        assertThatThrownBy(() -> {
            step.call(() -> 1);
            step.call(() -> 2);
            time.advance(Duration.ofNanos(SECOND - 1));
            step.call(() -> 3);
        }).hasMessage("limited");
        assertThat(made).containsExactly("shop/checkout 1");
    }

    @Test
    void inShadowModeSyncCallsBeyondTheLimitRunAndAreCountedAsWouldReject() throws Exception {
        RateLimitStep step = new RateLimitStep(syncNext, rateLimit, Rejections.plain(), time, metrics);
        rateLimit.setShadow(true);
        for (int i = 0; i < 3; i++) {
            assertThat(step.call(() -> "ran")).isEqualTo("ran");
        }
        assertThat(ran).hasValue(3);
        assertThat(metrics.seen).containsExactly(RateLimitOutcome.PERMITTED, RateLimitOutcome.PERMITTED,
                RateLimitOutcome.WOULD_REJECT);
        rateLimit.setShadow(false);
        assertThatThrownBy(() -> step.call(() -> "enforced again")).isInstanceOf(RejectedExecutionException.class);
        assertThat(rateLimit.snapshot()).isEqualTo(new RateLimitSnapshot("shop/checkout", rateLimit.policy(), false,
                2, 1, 1));
    }

    /** The rest of an asynchronous chain: hands out one stage per call. */
    private final class Held implements AsyncStep {
        final List<CompletableFuture<Object>> started = new ArrayList<>();

        @Override
        public CompletionStage<Object> call(AsyncCall call) {
            ran.incrementAndGet();
            CompletableFuture<Object> stage = new CompletableFuture<>();
            started.add(stage);
            return stage;
        }
    }

    @Test
    void asyncCallsBeyondTheLimitGetAFailedStageAndDoNotStart() {
        Held held = new Held();
        AsyncRateLimitStep step = new AsyncRateLimitStep(held, rateLimit, Rejections.plain(), time, metrics);
        CompletionStage<Object> first = step.call(new AsyncCall(() -> null));
        step.call(new AsyncCall(() -> null));
        CompletionStage<Object> third = step.call(new AsyncCall(() -> null));
        assertThat(first).as("the admitted call's stage is the rest of the chain's").isSameAs(held.started.get(0));
        assertThat(ran).hasValue(2);
        assertThatThrownBy(() -> third.toCompletableFuture().join()).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("retry after 1000000000 ns");
        assertThat(metrics.seen).containsExactly(RateLimitOutcome.PERMITTED, RateLimitOutcome.PERMITTED,
                RateLimitOutcome.REJECTED);
    }

    @Test
    void inShadowModeAsyncCallsBeyondTheLimitStart() {
        Held held = new Held();
        AsyncRateLimitStep step = new AsyncRateLimitStep(held, rateLimit, Rejections.plain(), time, metrics);
        rateLimit.setShadow(true);
        for (int i = 0; i < 3; i++) {
            step.call(new AsyncCall(() -> null));
        }
        assertThat(held.started).hasSize(3);
        assertThat(metrics.seen).containsExactly(RateLimitOutcome.PERMITTED, RateLimitOutcome.PERMITTED,
                RateLimitOutcome.WOULD_REJECT);
        assertThat(rateLimit.wouldReject()).isEqualTo(1);
    }

    @Test
    void aNextLinkThatThrowsSynchronouslyGivesAFailedStage() {
        AsyncRateLimitStep step = new AsyncRateLimitStep(call -> {
            throw new IllegalStateException("broken link");
        }, rateLimit, Rejections.plain(), time, metrics);
        assertThatThrownBy(() -> step.call(new AsyncCall(() -> null)).toCompletableFuture().join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
