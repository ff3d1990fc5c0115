package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.BeforeRetry;
import dev.fusebox.ft.api.BeforeRetryHandler;
import dev.fusebox.ft.api.CustomBackoff;
import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.FibonacciBackoff;
import dev.fusebox.ft.api.Jitter;
import dev.fusebox.ft.api.RetryResultException;
import dev.fusebox.ft.api.RetryWhen;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fusebox's retry annotations through the real interceptor, in virtual time (the waits are read
 * from the virtual clock's record of sleeps): backoff sequences, their cap and maxDuration; retry
 * on a result, ending in a {@link RetryResultException} a fallback can serve; an exception
 * predicate; before-retry hooks, a handler and a method of the bean.
 */
@ExtendWith(ThreadHygiene.class)
class RetryShapingTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger attempts = new AtomicInteger();

        int attempts() {
            return attempts.get();
        }

        @Retry(maxRetries = 5, delay = 100, jitter = 50, maxDuration = 60_000)
        @ExponentialBackoff(factor = 2, maxDelay = 1000, jitter = Jitter.NONE)
        public String exponential() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 5, delay = 100, jitter = 0)
        @FibonacciBackoff(jitter = Jitter.NONE)
        public String fibonacci() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 10, delay = 100, jitter = 0, maxDuration = 1000)
        @ExponentialBackoff(factor = 2, maxDelay = 900, jitter = Jitter.NONE)
        public String cutByMaxDuration() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 3, delay = 10, jitter = 0)
        @CustomBackoff(Linear.class)
        public String custom() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        @RetryWhen(result = IsPending.class)
        @Fallback(fallbackMethod = "gaveUp")
        public String pendingForever() {
            attempts.incrementAndGet();
            return "pending";
        }

        public String gaveUp() {
            return "gave up";
        }

        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        @RetryWhen(result = IsPending.class)
        public String pendingThenDone() {
            return attempts.incrementAndGet() < 3 ? "pending" : "done";
        }

        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        @RetryWhen(result = IsPending.class)
        public String pendingNoFallback() {
            attempts.incrementAndGet();
            return "pending";
        }

        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        @RetryWhen(exception = OnlyTransient.class)
        public String permanentFailure() {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("permanent");
        }

        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        @BeforeRetry(methodName = "refreshToken")
        public String withHookMethod() {
            EVENTS.add("attempt " + attempts.incrementAndGet());
            throw new IllegalStateException("token expired");
        }

        void refreshToken(Throwable cause) {
            EVENTS.add("refresh after " + cause.getMessage());
        }

        @Retry(maxRetries = 1, delay = 0, jitter = 0)
        @BeforeRetry(Recording.class)
        public String withHandler() {
            EVENTS.add("attempt " + attempts.incrementAndGet());
            throw new IllegalStateException("down");
        }
    }

    public static class IsPending implements Predicate<Object> {
        @Override
        public boolean test(Object result) {
            return "pending".equals(result);
        }
    }

    public static class OnlyTransient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof IllegalStateException;
        }
    }

    public static class Recording implements BeforeRetryHandler {
        @Override
        public void beforeRetry(int retry, Throwable cause) {
            EVENTS.add("handler before retry " + retry + " after " + cause.getMessage());
        }
    }

    /** Waits of 10, 20, 30 ms... from the retry's delay: one instance per call keeps its count. */
    public static class Linear implements CustomBackoffStrategy {
        private Duration step;
        private int count;

        @Override
        public void init(Duration initialDelay) {
            step = initialDelay;
        }

        @Override
        public Duration nextDelay(Throwable cause) {
            return step.multipliedBy(++count);
        }
    }

    private static List<Long> sleptMillis(VirtualTime time) {
        return time.slept().stream().map(nanos -> nanos / 1_000_000L).toList();
    }

    @Test
    void anExponentialBackoffDoublesFromTheDelayUpToItsCapIgnoringTheAdditiveJitter() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::exponential).isInstanceOf(IllegalStateException.class);
            assertThat(remote.attempts()).isEqualTo(6);
            assertThat(sleptMillis(time)).containsExactly(100L, 200L, 400L, 800L, 1000L);
        }
    }

    @Test
    void aFibonacciBackoffGrowsLikeTheFibonacciNumbers() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            assertThatThrownBy(container.bean(Remote.class)::fibonacci).isInstanceOf(IllegalStateException.class);
            assertThat(sleptMillis(time)).containsExactly(100L, 200L, 300L, 500L, 800L);
        }
    }

    @Test
    void noRetryStartsWhoseWaitWouldEndPastMaxDuration() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::cutByMaxDuration).isInstanceOf(IllegalStateException.class);
            // waits 100, 200, 400 end at 700 ms; the next, 800, would end at 1500 > 1000
            assertThat(sleptMillis(time)).containsExactly(100L, 200L, 400L);
            assertThat(remote.attempts()).isEqualTo(4);
        }
    }

    @Test
    void aCustomStrategyGivesTheWaitsOfOneCall() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::custom).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(remote::custom).isInstanceOf(IllegalStateException.class);
            assertThat(sleptMillis(time)).as("a new strategy for the second call").containsExactly(10L, 20L, 30L,
                    10L, 20L, 30L);
        }
    }

    @Test
    void anUnwantedResultIsRetriedAndWhenRetriesRunOutTheFallbackServes() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThat(remote.pendingForever()).isEqualTo("gave up");
            assertThat(remote.attempts()).isEqualTo(3);
            assertThat(remote.pendingThenDone()).isEqualTo("done");
        }
    }

    @Test
    void withoutAFallbackTheCallFailsWithTheLastResult() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::pendingNoFallback).isInstanceOfSatisfying(RetryResultException.class,
                    failed -> assertThat(failed.getLastResult()).isEqualTo("pending"))
                    .hasMessageContaining(Remote.class.getName() + "#pendingNoFallback");
        }
    }

    @Test
    void anExceptionPredicateDecidesWhichFailuresAreRetried() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::permanentFailure).isInstanceOf(IllegalArgumentException.class);
            assertThat(remote.attempts()).isEqualTo(1);
        }
    }

    @Test
    void aHookMethodOfTheBeanRunsBeforeEachRetryWithTheCause() {
        EVENTS.clear();
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            assertThatThrownBy(container.bean(Remote.class)::withHookMethod).isInstanceOf(IllegalStateException.class);
            assertThat(EVENTS).containsExactly("attempt 1", "refresh after token expired", "attempt 2",
                    "refresh after token expired", "attempt 3");
        }
    }

    @Test
    void aHandlerRunsBeforeEachRetryNeverBeforeTheFirstAttempt() {
        EVENTS.clear();
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            assertThatThrownBy(container.bean(Remote.class)::withHandler).isInstanceOf(IllegalStateException.class);
            assertThat(EVENTS).containsExactly("attempt 1", "handler before retry 1 after down", "attempt 2");
        }
    }
}
