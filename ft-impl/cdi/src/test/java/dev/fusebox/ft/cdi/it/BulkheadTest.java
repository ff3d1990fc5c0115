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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class BulkheadTest {

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger started = new AtomicInteger();

        int started() {
            return started.get();
        }

        @Bulkhead(2)
        public String sync(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            started.incrementAndGet();
            entered.countDown();
            release.await();
            return "done";
        }

        @Asynchronous
        @Bulkhead(value = 1, waitingTaskQueue = 1)
        public CompletionStage<String> async(String name, CountDownLatch entered, CountDownLatch release)
                throws InterruptedException {
            started.incrementAndGet();
            entered.countDown();
            release.await();
            return CompletableFuture.completedFuture(name);
        }
    }

    @ApplicationScoped
    public static class TimedRemote {
        private final AtomicInteger started = new AtomicInteger();

        int started() {
            return started.get();
        }

        @Asynchronous
        @Timeout(value = 100, unit = ChronoUnit.MILLIS)
        @Bulkhead(value = 1, waitingTaskQueue = 1)
        /** Holds its slot until released, whatever interrupts it gets. */
        public CompletionStage<String> call(String name, CountDownLatch release) {
            started.incrementAndGet();
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return CompletableFuture.completedFuture(name + (interrupted ? " (interrupted)" : ""));
        }
    }

    @Test
    void syncCallersBeyondTheLimitAreRejectedAtOnce() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch entered = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<String>> holders = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CompletableFuture<String> result = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        result.complete(remote.sync(entered, release));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                }, "bulkhead-test-caller-" + i);
                holders.add(result);
                threads.add(thread);
                thread.start();
            }
            try {
                assertThat(entered.await(5, TimeUnit.SECONDS)).as("both permitted callers entered").isTrue();
                assertThatThrownBy(() -> remote.sync(new CountDownLatch(1), release)).isInstanceOf(BulkheadException.class);
                assertThat(remote.started()).isEqualTo(2);
            } finally {
                release.countDown();
                for (Thread thread : threads) {
                    thread.join(5_000);
                }
            }
            for (CompletableFuture<String> holder : holders) {
                assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("done");
            }
            // the permits came back
            assertThat(remote.sync(new CountDownLatch(1), new CountDownLatch(0))).isEqualTo("done");
        }
    }

    @Test
    void asyncCallsQueueUpToWaitingTaskQueueThenAreRejected() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch firstEntered = new CountDownLatch(1);
            CountDownLatch secondEntered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try {
                CompletableFuture<String> first = remote.async("first", firstEntered, release).toCompletableFuture();
                assertThat(firstEntered.await(5, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<String> second = remote.async("second", secondEntered, release).toCompletableFuture();
                CompletableFuture<String> third = remote.async("third", new CountDownLatch(1), release).toCompletableFuture();

                assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(BulkheadException.class);
                Await.holdsFor(Duration.ofMillis(100), "the second call waits in the queue",
                        () -> !second.isDone() && remote.started() == 1);

                release.countDown();
                assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
                assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
                assertThat(secondEntered.getCount()).isZero();
                assertThat(remote.started()).isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void cancellingAQueuedCallFreesItsPlaceAndItNeverStarts() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try {
                CompletableFuture<String> first = remote.async("first", entered, release).toCompletableFuture();
                assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<String> queued = remote.async("queued", new CountDownLatch(1), release).toCompletableFuture();
                assertThat(queued.cancel(true)).isTrue();

                CompletableFuture<String> next = remote.async("next", new CountDownLatch(1), release).toCompletableFuture();
                Await.holdsFor(Duration.ofMillis(50), "the freed queue place took the next call", () -> !next.isDone());
                release.countDown();
                assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
                assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
                assertThatThrownBy(queued::get).isInstanceOf(CancellationException.class);
                assertThat(remote.started()).as("the cancelled call never started").isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aCallTimingOutInTheQueueNeverStarts() throws Exception {
        VirtualTime time = new VirtualTime(); // the two timeouts fire when the test moves the time
        try (Container container = VirtualTimeExtension.container(time, TimedRemote.class)) {
            TimedRemote remote = container.bean(TimedRemote.class);
            CountDownLatch release = new CountDownLatch(1);
            try {
                CompletableFuture<String> first = remote.call("first", release).toCompletableFuture();
                Await.until("the first call runs", () -> remote.started() == 1);
                time.advance(Duration.ofMillis(100));
                assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TimeoutException.class);
                // the first call ignores its interrupt and keeps the slot: the next one waits in the queue
                CompletableFuture<String> queued = remote.call("queued", release).toCompletableFuture();
                time.advance(Duration.ofMillis(99));
                assertThat(queued).as("1 ms before its deadline").isNotDone();
                time.advance(Duration.ofMillis(1));
                assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TimeoutException.class);
                release.countDown();
                // the slot comes back once the first call ends; the withdrawn call never ran
                Await.until("the slot is free again", () -> {
                    try {
                        return "third".equals(remote.call("third", release).toCompletableFuture().get(5, TimeUnit.SECONDS));
                    } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
                        return false;
                    }
                });
                assertThat(remote.started()).isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }
}
