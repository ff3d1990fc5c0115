package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.it.AsyncOnVirtualThreadsTest.Worker;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container's threads when {@code @Asynchronous} runs on virtual threads, as
 * {@link ExecutorLifecycleTest} checks them on the platform pool: what {@code fusebox.async.max-threads}
 * means there (nothing), the deadline watcher with many short-lived threads, and shutdown. On the
 * beans of {@link AsyncOnVirtualThreadsTest}; like it, runs in the {@code jdk25} execution only.
 */
@ExtendWith(ThreadHygiene.class)
class ExecutorLifecycleOnVirtualThreadsTest {

    /**
     * With virtual threads every task gets a thread of its own: {@code fusebox.async.max-threads}
     * sizes the platform pool only, so here it bounds nothing, and deployment warns that it is ignored.
     */
    @Test
    void maxThreadsBoundsNothingOnVirtualThreadsAndIsReportedAsIgnored() throws Exception {
        try (Container container = AsyncOnVirtualThreadsTest.start(Map.of("fusebox.async.max-threads", "1"))) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            try {
                worker.callLimited(entered, release);
                worker.callLimited(entered, release);
                assertThat(entered.await(5, TimeUnit.SECONDS)).as("two calls run at once with max-threads 1").isTrue();
            } finally {
                release.countDown();
            }
            assertThat(container.extension(FaultToleranceExtension.class).configurationWarnings())
                    .singleElement().asString()
                    .contains("'fusebox.async.max-threads'", "fusebox.async.virtual-threads=true", "@Bulkhead");
        }
    }

    /**
     * One virtual thread per task: a thousand tasks, each making one synchronous timed call, are a
     * thousand threads joining the deadline watcher one after another, each while the one before
     * is still finishing. The watcher must not keep them all until its next scan (a minute away).
     */
    @Test
    void shortLivedVirtualThreadsLeaveFewEntriesInTheDeadlineWatcher() throws Exception {
        try (Container container = AsyncOnVirtualThreadsTest.start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            for (int i = 0; i < 1_000; i++) {
                assertThat(worker.callTimedInTime().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("in time");
            }
            assertThat(DeadlineWatcherProbe.threadsKnown(container)).as("threads the deadline watcher knows")
                    .isLessThanOrEqualTo(3);
        }
    }

    @Test
    void closingInterruptsRunningCallsFailsWaitingRetriesAndEndsEveryVirtualThread() throws Exception {
        Future<String> running;
        CompletionStage<String> retried;
        Set<Thread> threads;
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Container container = AsyncOnVirtualThreadsTest.start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            threads = worker.threads();
            CountDownLatch entered = new CountDownLatch(1);
            running = worker.hangFuture(entered, interrupted);
            CountDownLatch attempted = new CountDownLatch(1);
            retried = worker.retriedLater(attempted);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(attempted.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the running call was interrupted").isTrue();
        Await.until("the caller of the interrupted call gets an outcome", running::isDone);
        assertThatThrownBy(() -> retried.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(threads).isNotEmpty();
        Await.until("every virtual thread of the container ended", () -> threads.stream().noneMatch(Thread::isAlive));
    }
}
