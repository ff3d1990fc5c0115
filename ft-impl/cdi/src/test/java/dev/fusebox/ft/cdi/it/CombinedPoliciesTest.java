package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class CombinedPoliciesTest {

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger invocations = new AtomicInteger();
        private final AtomicInteger fallbacks = new AtomicInteger();
        /** One permit per attempt that is stuck (blocked until interrupted): the test then moves the time. */
        private final Semaphore stuck = new Semaphore(0);

        Semaphore stuck() {
            return stuck;
        }

        private void stick() throws InterruptedException {
            stuck.release();
            Thread.sleep(30_000);
        }

        int invocations() {
            return invocations.get();
        }

        int fallbacks() {
            return fallbacks.get();
        }

        @Retry(maxRetries = 5, jitter = 0)
        @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 60_000)
        public String retriedIntoOpenBreaker() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        /** Without abortOn, unlimited retries would keep hitting the open breaker for a minute. */
        @Retry(maxRetries = -1, maxDuration = 60_000, jitter = 0, abortOn = CircuitBreakerOpenException.class)
        @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 60_000)
        public String abortedByOpenBreaker() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 2, jitter = 0)
        @Fallback(fallbackMethod = "fallback")
        public String retriedThenFallback() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        String fallback() {
            fallbacks.incrementAndGet();
            return "fallback after " + invocations.get();
        }

        @Timeout(value = 150, unit = ChronoUnit.MILLIS)
        @Retry(maxRetries = 3, jitter = 0)
        public String slowTwiceThenFast() throws InterruptedException {
            if (invocations.incrementAndGet() <= 2) {
                stick();
            }
            return "fast on " + invocations.get();
        }

        @Timeout(value = 150, unit = ChronoUnit.MILLIS)
        @Retry(maxRetries = 2, jitter = 0)
        public String alwaysSlow() throws InterruptedException {
            invocations.incrementAndGet();
            stick();
            return "never";
        }

        @Fallback(fallbackMethod = "allFallback")
        @Retry(maxRetries = 2, jitter = 0)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 1.0, delay = 60_000)
        @Timeout(value = 150, unit = ChronoUnit.MILLIS)
        @Bulkhead(1)
        public String allFive(int slowAttempts) throws InterruptedException {
            if (invocations.incrementAndGet() <= slowAttempts) {
                stick();
            }
            return "attempt " + invocations.get() + " on " + Thread.currentThread().getName();
        }

        String allFallback(int slowAttempts) {
            fallbacks.incrementAndGet();
            return "fallback";
        }

        @Asynchronous
        @Fallback(fallbackMethod = "asyncFallback")
        @Retry(maxRetries = 2, jitter = 0)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 1.0, delay = 60_000)
        @Timeout(value = 150, unit = ChronoUnit.MILLIS)
        @Bulkhead(value = 1, waitingTaskQueue = 1)
        public CompletionStage<String> allSixAsync(int slowAttempts) throws InterruptedException {
            if (invocations.incrementAndGet() <= slowAttempts) {
                stick();
            }
            return CompletableFuture.completedFuture("attempt " + invocations.get() + " on "
                    + Thread.currentThread().getName());
        }

        CompletionStage<String> asyncFallback(int slowAttempts) {
            fallbacks.incrementAndGet();
            return CompletableFuture.completedFuture("fallback on " + Thread.currentThread().getName());
        }
    }

    @Retry(maxRetries = 1, jitter = 0)
    @ApplicationScoped
    public static class ClassLevel {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        public String inherited() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 3, jitter = 0)
        public String overridden() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }
    }

    @Test
    void retriesEndWithCircuitBreakerOpenExceptionOnceTheBreakerOpens() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::retriedIntoOpenBreaker).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(remote.invocations()).as("the open breaker kept the retries from the method").isEqualTo(3);
        }
    }

    @Test
    void abortOnCircuitBreakerOpenExceptionStopsRetryingAtTheFirstRejection() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            long start = System.nanoTime();
            assertThatThrownBy(remote::abortedByOpenBreaker).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Await.PATIENCE);
            assertThat(remote.invocations()).isEqualTo(3);
        }
    }

    @Test
    void fallbackRunsOnceRetriesAreExhausted() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThat(remote.retriedThenFallback()).isEqualTo("fallback after 3");
            assertThat(remote.fallbacks()).isEqualTo(1);
        }
    }

    // The timeouts below run in virtual time: each stuck attempt blocks (on a real thread) until the
    // test moves the time past its 150 ms deadline; the interrupt that ends it is real.

    @Test
    void timedOutAttemptsAreRetried() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class);
             CallingThread caller = new CallingThread()) {
            Remote remote = container.bean(Remote.class);
            Future<String> call = caller.call(() -> remote.slowTwiceThenFast() + leakedInterrupt());
            timeOut(remote, time, 2);
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("fast on 3");
        }
    }

    @Test
    void timeoutIsThrownWhenEveryAttemptTimesOut() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class);
             CallingThread caller = new CallingThread()) {
            Remote remote = container.bean(Remote.class);
            Future<Object> call = caller.call(() -> {
                try {
                    return remote.alwaysSlow();
                } catch (TimeoutException expected) {
                    return expected.getClass().getSimpleName() + leakedInterrupt();
                }
            });
            timeOut(remote, time, 3);
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("TimeoutException");
            assertThat(remote.invocations()).isEqualTo(3);
        }
    }

    @Test
    void allFivePoliciesOnOneMethod() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class);
             CallingThread caller = new CallingThread()) {
            Remote remote = container.bean(Remote.class);
            Future<String> retried = caller.call(() -> remote.allFive(1));
            timeOut(remote, time, 1);
            assertThat(retried.get(5, TimeUnit.SECONDS)).as("first attempt times out, the retry succeeds")
                    .isEqualTo("attempt 2 on test-caller");
            Future<String> fellBack = caller.call(() -> remote.allFive(100));
            timeOut(remote, time, 3);
            assertThat(fellBack.get(5, TimeUnit.SECONDS)).as("all three attempts time out").isEqualTo("fallback");
            assertThat(remote.invocations()).isEqualTo(5);
            assertThat(remote.fallbacks()).isEqualTo(1);
        }
    }

    @Test
    void allSixPoliciesOnOneAsyncMethod() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CompletableFuture<String> retried = remote.allSixAsync(1).toCompletableFuture();
            timeOut(remote, time, 1);
            assertThat(retried.get(5, TimeUnit.SECONDS)).startsWith("attempt 2 on fusebox-async-");
            CompletableFuture<String> fellBack = remote.allSixAsync(100).toCompletableFuture();
            timeOut(remote, time, 3);
            assertThat(fellBack.get(5, TimeUnit.SECONDS)).startsWith("fallback on ");
            assertThat(remote.invocations()).isEqualTo(5);
            assertThat(remote.fallbacks()).isEqualTo(1);
        }
    }

    /** Waits for each of {@code attempts} attempts to be stuck, then moves the time past its deadline. */
    private static void timeOut(Remote remote, VirtualTime time, int attempts) throws InterruptedException {
        for (int i = 1; i <= attempts; i++) {
            assertThat(remote.stuck().tryAcquire(5, TimeUnit.SECONDS)).as("attempt %d is stuck", i).isTrue();
            time.advance(Duration.ofMillis(150));
        }
    }

    /** Empty unless the calling thread was left interrupted (then it says so). */
    private static String leakedInterrupt() {
        return Thread.interrupted() ? " (and an interrupt leaked to the caller)" : "";
    }

    @Test
    void methodLevelAnnotationOverridesTheClassLevelOne() {
        try (Container container = Container.start(ClassLevel.class)) {
            ClassLevel bean = container.bean(ClassLevel.class);
            assertThatThrownBy(bean::inherited).isInstanceOf(IllegalStateException.class);
            assertThat(bean.invocations()).as("class-level maxRetries = 1").isEqualTo(2);
            assertThatThrownBy(bean::overridden).isInstanceOf(IllegalStateException.class);
            assertThat(bean.invocations() - 2).as("method-level maxRetries = 3").isEqualTo(4);
        }
    }
}
