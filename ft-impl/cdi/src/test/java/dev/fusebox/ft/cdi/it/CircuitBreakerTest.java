package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class CircuitBreakerTest {

    static class Ignored extends RuntimeException {
        Ignored() {
            super("does not count");
        }
    }

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
        public String call(boolean fail) {
            return respond(fail);
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 300, delayUnit = ChronoUnit.MILLIS,
                successThreshold = 2)
        public String recovering(boolean fail) {
            return respond(fail);
        }

        private String respond(boolean fail) {
            invocations.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "up";
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000, skipOn = Ignored.class)
        public String skipping(RuntimeException failure) {
            invocations.incrementAndGet();
            throw failure;
        }
    }

    /** Its trial calls may hang; the method's own @Timeout is what ends them. */
    @ApplicationScoped
    public static class Hanging {
        private final Semaphore hanging = new Semaphore(0);

        /** One permit per call that started to hang. */
        Semaphore hanging() {
            return hanging;
        }

        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 0, successThreshold = 1)
        @Timeout(200)
        public String call(CountDownLatch hang) throws InterruptedException {
            if (hang == null) {
                throw new IllegalStateException("down");
            }
            hanging.release();
            hang.await();
            return "returned";
        }
    }

    @Dependent
    public static class PerInjection {
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String call() {
            throw new IllegalStateException("down");
        }
    }

    @ApplicationScoped
    public static class AsyncRemote {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        /** Returns a failed stage without throwing: that failure counts too. */
        @Asynchronous
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public CompletionStage<String> call() {
            invocations.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }
    }

    @Test
    void opensOnceTheWindowReachesTheFailureRatio() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(() -> remote.call(true)).isInstanceOf(IllegalStateException.class);
            assertThat(remote.call(false)).isEqualTo("up");
            assertThatThrownBy(() -> remote.call(true)).isInstanceOf(IllegalStateException.class);
            // the window of 4 is not full yet: still closed
            assertThat(remote.invocations()).isEqualTo(3);
            assertThat(remote.call(false)).isEqualTo("up");
            // 2 failures out of 4 reach the ratio 0.5: open, the method is no longer called
            assertThatThrownBy(() -> remote.call(false)).isInstanceOf(CircuitBreakerOpenException.class);
            assertThatThrownBy(() -> remote.call(true)).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(remote.invocations()).isEqualTo(4);
        }
    }

    // The breaker's delay and the trial's timeout below run in virtual time.

    @Test
    void closesAfterTheDelayAndSuccessThresholdTrials() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            open(remote);
            int before = remote.invocations();

            time.advance(Duration.ofMillis(299));
            assertThat(admits(remote)).as("1 ms before its delay ends the breaker is still open").isFalse();
            time.advance(Duration.ofMillis(1));
            assertThat(admits(remote)).as("the breaker admits a trial call once its delay is over").isTrue();
            assertThat(remote.invocations()).isEqualTo(before + 1);
            assertThat(remote.recovering(false)).isEqualTo("up");

            // closed with a fresh window: three failures (of 4) go through to the method
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> remote.recovering(true)).isExactlyInstanceOf(IllegalStateException.class);
            }
            assertThat(remote.invocations()).isEqualTo(before + 5);
        }
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            open(remote);
            time.advance(Duration.ofMillis(300));
            assertThatThrownBy(() -> remote.recovering(true)).as("the trial call after the delay, failing")
                    .isExactlyInstanceOf(IllegalStateException.class);
            int after = remote.invocations();
            assertThatThrownBy(() -> remote.recovering(false)).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(remote.invocations()).isEqualTo(after);
        }
    }

    @Test
    void failuresListedInSkipOnDoNotCount() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> remote.skipping(new Ignored())).isInstanceOf(Ignored.class);
            }
            assertThatThrownBy(() -> remote.skipping(new IllegalStateException())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> remote.skipping(new IllegalStateException())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> remote.skipping(new Ignored())).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(remote.invocations()).isEqualTo(12);
        }
    }

    @Test
    void theBreakerIsSharedByAllInstancesOfTheBean() {
        try (Container container = Container.start(PerInjection.class)) {
            PerInjection first = container.bean(PerInjection.class);
            PerInjection second = container.bean(PerInjection.class);
            assertThat(first).isNotSameAs(second);
            assertThatThrownBy(first::call).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(second::call).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(first::call).isInstanceOf(CircuitBreakerOpenException.class);
            assertThatThrownBy(container.bean(PerInjection.class)::call).isInstanceOf(CircuitBreakerOpenException.class);
        }
    }

    @Test
    void aFailedCompletionStageCountsAsAFailure() {
        try (Container container = Container.start(AsyncRemote.class)) {
            AsyncRemote remote = container.bean(AsyncRemote.class);
            for (int i = 0; i < 2; i++) {
                CompletableFuture<String> result = remote.call().toCompletableFuture();
                assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(IllegalStateException.class);
            }
            CompletableFuture<String> rejected = remote.call().toCompletableFuture();
            assertThatThrownBy(() -> rejected.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CircuitBreakerOpenException.class);
            assertThat(remote.invocations()).isEqualTo(2);
        }
    }

    @Test
    void aHangingTrialIsEndedByTheMethodsTimeoutAndTheBreakerOpensAgain() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Hanging.class);
             CallingThread caller = new CallingThread()) {
            Hanging hanging = container.bean(Hanging.class);
            assertThatThrownBy(() -> hanging.call(null)).isInstanceOf(IllegalStateException.class);
            CountDownLatch never = new CountDownLatch(1);
            try {
                Future<Object> trial = caller.call(() -> {
                    try {
                        return hanging.call(never);
                    } catch (TimeoutException expected) {
                        return expected;
                    }
                });
                assertThat(hanging.hanging().tryAcquire(5, TimeUnit.SECONDS)).as("the trial hangs").isTrue();
                time.advance(Duration.ofMillis(200));
                assertThat(trial.get(5, TimeUnit.SECONDS)).as("the trial, cut short by @Timeout(200)")
                        .isInstanceOf(TimeoutException.class);
                assertThatThrownBy(() -> hanging.call(null)).as("not stuck half-open: the next call is admitted")
                        .isInstanceOf(IllegalStateException.class);
            } finally {
                never.countDown();
            }
        }
    }

    /** Opens the recovering breaker (its delay is short, so it is not checked here that it rejects). */
    private static void open(Remote remote) {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> remote.recovering(true)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static boolean admits(Remote remote) {
        try {
            return "up".equals(remote.recovering(false));
        } catch (CircuitBreakerOpenException stillOpen) {
            return false;
        }
    }
}
