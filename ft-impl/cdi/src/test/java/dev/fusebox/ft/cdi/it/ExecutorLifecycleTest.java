package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class ExecutorLifecycleTest {

    @ApplicationScoped
    public static class Worker {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostRunning = new AtomicInteger();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();

        int mostRunning() {
            return mostRunning.get();
        }

        int running() {
            return running.get();
        }

        Set<String> threads() {
            return threads;
        }

        @Asynchronous
        public CompletionStage<String> quick() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Timeout(value = 2, unit = ChronoUnit.SECONDS)
        public String bounded() {
            return "in time";
        }

        /** Blocks until released; an interrupt ends it. */
        @Asynchronous
        public Future<String> blocked(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                entered.countDown();
                release.await();
                return CompletableFuture.completedFuture("released");
            } finally {
                running.decrementAndGet();
            }
        }

        /** Fails and waits a long delay before its retry. */
        @Asynchronous
        @Retry(maxRetries = 1, delay = 1, delayUnit = ChronoUnit.MINUTES, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
                jitter = 0)
        public CompletionStage<String> retriedLater(CountDownLatch attempted) {
            attempted.countDown();
            throw new IllegalStateException("retry in a minute");
        }
    }

    @Test
    void closingTheContainerStopsItsThreads() throws Exception {
        try (Container container = Container.start(Worker.class)) {
            Worker worker = container.bean(Worker.class);
            assertThat(worker.quick().toCompletableFuture().get(5, TimeUnit.SECONDS)).startsWith("fusebox-async-");
            assertThat(worker.bounded()).isEqualTo("in time");
            assertThat(ThreadHygiene.fuseboxThreads()).extracting(Thread::getName)
                    .anyMatch(name -> name.startsWith("fusebox-async-"))
                    .anyMatch(name -> name.startsWith("fusebox-timer-"));
        }
        awaitNoFuseboxThreads();
    }

    @Test
    void closingStopsThreadsEvenWithACallStillRunning() throws Exception {
        Future<String> hung;
        CountDownLatch never = new CountDownLatch(1);
        try (Container container = Container.start(Worker.class)) {
            CountDownLatch entered = new CountDownLatch(1);
            hung = container.bean(Worker.class).blocked(entered, never);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        }
        awaitNoFuseboxThreads();
        Await.until("the caller of the interrupted call gets an outcome", hung::isDone);
    }

    @Test
    void closingStopsThreadsEvenWithARetryWaitingForItsDelay() throws Exception {
        try (Container container = Container.start(Worker.class)) {
            CountDownLatch attempted = new CountDownLatch(1);
            container.bean(Worker.class).retriedLater(attempted);
            assertThat(attempted.await(5, TimeUnit.SECONDS)).isTrue();
        }
        awaitNoFuseboxThreads();
    }

    @Test
    void aCallWaitingForAThreadAtCloseFailsInsteadOfHanging() throws Exception {
        Future<String> waiting;
        CountDownLatch never = new CountDownLatch(1);
        try (Container container = Container.start(Map.of("fusebox.async.max-threads", "1"), Worker.class)) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(1);
            worker.blocked(entered, never);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            waiting = worker.blocked(new CountDownLatch(1), never);
            assertThat(waiting.isDone()).isFalse();
        }
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        awaitNoFuseboxThreads();
    }

    @Test
    void aRetryWaitingForItsDelayAtCloseFailsInsteadOfHanging() throws Exception {
        CompletionStage<String> retried;
        try (Container container = Container.start(Worker.class)) {
            CountDownLatch attempted = new CountDownLatch(1);
            retried = container.bean(Worker.class).retriedLater(attempted);
            assertThat(attempted.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThatThrownBy(() -> retried.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void maxThreadsBoundsHowManyAsyncCallsRunAtOnce() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.async.max-threads", "2"), Worker.class)) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(3);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<String>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    calls.add(worker.blocked(entered, release));
                }
                Await.until("two calls run", () -> worker.running() == 2);
                Await.holdsFor(Duration.ofMillis(150), "the third call waits for a thread", () -> worker.running() == 2);
                assertThat(entered.getCount()).isEqualTo(1);
            } finally {
                release.countDown();
            }
            for (Future<String> call : calls) {
                assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("released");
            }
            assertThat(worker.mostRunning()).isEqualTo(2);
            assertThat(worker.threads()).hasSize(2).allMatch(name -> name.startsWith("fusebox-async-"));
        }
    }

    @Test
    void zeroMaxThreadsFailsDeployment() {
        assertThat(InvalidDefinitionTest.deploymentFailure(Map.of("fusebox.async.max-threads", "0"), Worker.class))
                .contains("fusebox.async.max-threads", "0");
    }

    private static void awaitNoFuseboxThreads() {
        Await.until("no fusebox- thread is alive", () -> ThreadHygiene.fuseboxThreads().isEmpty());
    }
}
