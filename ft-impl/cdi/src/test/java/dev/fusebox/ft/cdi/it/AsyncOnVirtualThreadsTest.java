package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Asynchronous} on virtual threads ({@code fusebox.async.virtual-threads=true}) behaves as on
 * the platform pool: the request context (one per task), a synchronous bulkhead and a synchronous
 * timeout inside an asynchronous method, an asynchronous timeout's and a cancellation's interrupt,
 * and shutdown ({@link ExecutorLifecycleOnVirtualThreadsTest}, with what differs:
 * {@code fusebox.async.max-threads} bounds nothing).
 *
 * <p>Runs only in the {@code jdk25} surefire execution of this module: classes named
 * {@code *OnVirtualThreadsTest} are excluded from {@code default-test} (JDK 17) in the pom, so they
 * never run, and never skip, where virtual threads do not exist. The test classes are release 17,
 * so {@link #isVirtual} asks through reflection.
 */
@ExtendWith(ThreadHygiene.class)
class AsyncOnVirtualThreadsTest {

    static final Map<String, String> VIRTUAL = Map.of("fusebox.async.virtual-threads", "true");

    @RequestScoped
    public static class RequestData {
        private final String id = UUID.randomUUID().toString();

        @Inject
        Destroyed destroyed;

        String id() {
            return id;
        }

        @PreDestroy
        void destroy() {
            destroyed.add(id);
        }
    }

    @ApplicationScoped
    public static class Destroyed {
        private final CopyOnWriteArrayList<String> ids = new CopyOnWriteArrayList<>();

        void add(String id) {
            ids.add(id);
        }

        boolean contains(String id) {
            return ids.contains(id);
        }
    }

    /** Synchronous guarded methods that the asynchronous ones call. */
    @ApplicationScoped
    public static class Remote {
        @Bulkhead(2)
        public String limited(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            entered.countDown();
            release.await();
            return "done";
        }

        /** Blocks far past the timeout unless interrupted. */
        @Timeout(value = 100, unit = ChronoUnit.MILLIS)
        public String slow(CountDownLatch interrupted) {
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                return "finished";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "interrupted";
            }
        }

        @Timeout(value = 1, unit = ChronoUnit.MINUTES)
        public String timedInTime() {
            return "in time";
        }
    }

    @ApplicationScoped
    public static class Worker {
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Inject
        RequestData request;

        /** The threads the methods ran on (read through the method: a client proxy's fields are its own). */
        Set<Thread> threads() {
            return threads;
        }

        @Inject
        Remote remote;

        @Asynchronous
        public Future<Thread> futureThread() {
            return CompletableFuture.completedFuture(Thread.currentThread());
        }

        @Asynchronous
        public CompletionStage<Thread> stageThread() {
            return CompletableFuture.completedFuture(Thread.currentThread());
        }

        /** The request-scoped instance's id, read twice in the one task. */
        @Asynchronous
        public CompletionStage<List<String>> requestIds() {
            return CompletableFuture.completedFuture(List.of(request.id(), request.id()));
        }

        @Asynchronous
        public CompletionStage<String> callLimited(CountDownLatch entered, CountDownLatch release) {
            threads.add(Thread.currentThread());
            try {
                return CompletableFuture.completedFuture(remote.limited(entered, release));
            } catch (BulkheadException rejected) {
                return CompletableFuture.completedFuture("rejected");
            } catch (InterruptedException e) {
                return CompletableFuture.completedFuture("interrupted");
            }
        }

        /** Calls the synchronous timed method; its outcome, and whether the interrupt leaked out of it. */
        @Asynchronous
        public CompletionStage<String> callSlow(CountDownLatch interrupted) {
            threads.add(Thread.currentThread());
            try {
                return CompletableFuture.completedFuture(remote.slow(interrupted));
            } catch (TimeoutException expected) {
                return CompletableFuture.completedFuture(Thread.interrupted() ? "interrupt leaked" : "timed out");
            }
        }

        @Asynchronous
        public CompletionStage<String> callTimedInTime() {
            return CompletableFuture.completedFuture(remote.timedInTime());
        }

        @Asynchronous
        @Timeout(value = 100, unit = ChronoUnit.MILLIS)
        public CompletionStage<String> slowAsync(CountDownLatch entered, CountDownLatch interrupted) {
            threads.add(Thread.currentThread());
            entered.countDown();
            return CompletableFuture.completedFuture(remote.timedInTime() + ", then " + hang(interrupted));
        }

        @Asynchronous
        public Future<String> hangFuture(CountDownLatch entered, CountDownLatch interrupted) {
            threads.add(Thread.currentThread());
            entered.countDown();
            return CompletableFuture.completedFuture(hang(interrupted));
        }

        /** Fails and waits a long delay before its retry. */
        @Asynchronous
        @Retry(maxRetries = 1, delay = 1, delayUnit = ChronoUnit.MINUTES, maxDuration = 2,
                durationUnit = ChronoUnit.MINUTES, jitter = 0)
        public CompletionStage<String> retriedLater(CountDownLatch attempted) {
            attempted.countDown();
            throw new IllegalStateException("retry in a minute");
        }

        private static String hang(CountDownLatch interrupted) {
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "interrupted";
            }
        }
    }

    /** A container of this class's beans with virtual threads on and {@code extra} configuration. */
    static Container start(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(VIRTUAL);
        properties.putAll(extra);
        return Container.start(properties, Worker.class, Remote.class, RequestData.class, Destroyed.class);
    }

    @Test
    void futureAndStageMethodsRunOnNamedVirtualThreads() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            Thread future = worker.futureThread().get(5, TimeUnit.SECONDS);
            Thread stage = worker.stageThread().toCompletableFuture().get(5, TimeUnit.SECONDS);
            for (Thread thread : List.of(future, stage)) {
                assertThat(isVirtual(thread)).as("%s is virtual", thread).isTrue();
                assertThat(thread.getName()).startsWith("fusebox-async-virtual-");
            }
            assertThat(future).as("one thread per task").isNotSameAs(stage);
            assertThat(ThreadHygiene.fuseboxThreads()).extracting(Thread::getName)
                    .as("no platform worker started").noneMatch(name -> name.startsWith("fusebox-async-"));
        }
    }

    @Test
    void eachTaskHasItsOwnRequestContextEndedAfterIt() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            List<String> first = worker.requestIds().toCompletableFuture().get(5, TimeUnit.SECONDS);
            List<String> second = worker.requestIds().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(first.get(0)).as("one instance within a task").isEqualTo(first.get(1)).isNotBlank();
            assertThat(second.get(0)).isEqualTo(second.get(1)).isNotEqualTo(first.get(0));
            Destroyed destroyed = container.bean(Destroyed.class);
            Await.until("both request-scoped instances are destroyed",
                    () -> destroyed.contains(first.get(0)) && destroyed.contains(second.get(0)));
        }
    }

    @Test
    void aSyncBulkheadInAsyncMethodsAdmitsItsValueAndRejectsTheNext() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<String>> admitted = new ArrayList<>();
            try {
                admitted.add(worker.callLimited(entered, release).toCompletableFuture());
                admitted.add(worker.callLimited(entered, release).toCompletableFuture());
                assertThat(entered.await(5, TimeUnit.SECONDS)).as("two virtual threads in the bulkhead").isTrue();
                assertThat(worker.callLimited(new CountDownLatch(1), release).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS)).isEqualTo("rejected");
            } finally {
                release.countDown();
            }
            for (CompletableFuture<String> call : admitted) {
                assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("done");
            }
            assertThat(worker.threads()).allMatch(AsyncOnVirtualThreadsTest::isVirtual);
        }
    }

    @Test
    void aSyncTimeoutInterruptsTheVirtualThreadAndTheInterruptStaysInside() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch interrupted = new CountDownLatch(1);
            assertThat(worker.callSlow(interrupted).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("timed out");
            assertThat(interrupted.getCount()).as("the method saw the interrupt").isZero();
            assertThat(worker.threads()).hasSize(1).allMatch(AsyncOnVirtualThreadsTest::isVirtual);
        }
    }

    @Test
    void anAsyncTimeoutInterruptsTheVirtualThread() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CompletableFuture<String> result = worker.slowAsync(entered, interrupted).toCompletableFuture();
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the virtual thread saw the interrupt").isTrue();
        }
    }

    @Test
    void cancellingAFutureInterruptsTheVirtualThread() throws Exception {
        try (Container container = start(Map.of())) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            Future<String> result = worker.hangFuture(entered, interrupted);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(result.cancel(true)).isTrue();
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the method was interrupted").isTrue();
            assertThatThrownBy(result::get).isInstanceOf(CancellationException.class);
        }
    }

    /** {@code Thread.isVirtual()} (JDK 21), asked through reflection: the test classes are release 17. */
    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this test needs JDK 21 or later (it runs in the jdk25 execution only)", e);
        }
    }
}
