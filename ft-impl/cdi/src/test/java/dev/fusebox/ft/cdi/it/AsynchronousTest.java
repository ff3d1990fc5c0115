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
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class AsynchronousTest {

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

    @ApplicationScoped
    public static class Worker {
        @Inject
        RequestData request;

        @Asynchronous
        public Future<String> futureThread() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Asynchronous
        public CompletionStage<String> stageThread() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Asynchronous
        public CompletionStage<String> requestId() {
            return CompletableFuture.completedFuture(request.id());
        }

        @Asynchronous
        public Future<String> failing() {
            throw new IllegalStateException("thrown by the method");
        }

        @Asynchronous
        public Future<String> hangFuture(CountDownLatch started, CountDownLatch interrupted) {
            return CompletableFuture.completedFuture(hang(started, interrupted));
        }

        @Asynchronous
        public CompletionStage<String> hangStage(CountDownLatch started, CountDownLatch interrupted) {
            return CompletableFuture.completedFuture(hang(started, interrupted));
        }

        private static String hang(CountDownLatch started, CountDownLatch interrupted) {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                interrupted.countDown();
                return "interrupted";
            }
        }
    }

    @Test
    void futureAndStageMethodsRunOnFuseboxWorkerThreads() throws Exception {
        try (Container container = Container.start(Worker.class, RequestData.class, Destroyed.class)) {
            Worker worker = container.bean(Worker.class);
            assertThat(worker.futureThread().get(5, TimeUnit.SECONDS)).startsWith("fusebox-async-");
            assertThat(worker.stageThread().toCompletableFuture().get(5, TimeUnit.SECONDS)).startsWith("fusebox-async-");
        }
    }

    @Test
    void aFailureThrownByTheMethodReachesTheFuture() {
        try (Container container = Container.start(Worker.class, RequestData.class, Destroyed.class)) {
            Future<String> result = container.bean(Worker.class).failing();
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("thrown by the method");
        }
    }

    @Test
    void theRequestContextIsActiveInTheWorkerAndEndedAfterIt() throws Exception {
        try (Container container = Container.start(Worker.class, RequestData.class, Destroyed.class)) {
            Worker worker = container.bean(Worker.class);
            String first = worker.requestId().toCompletableFuture().get(5, TimeUnit.SECONDS);
            String second = worker.requestId().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(first).isNotBlank().isNotEqualTo(second);
            Destroyed destroyed = container.bean(Destroyed.class);
            Await.until("both request-scoped instances are destroyed",
                    () -> destroyed.contains(first) && destroyed.contains(second));
        }
    }

    @Test
    void cancellingAFutureInterruptsTheMethod() throws Exception {
        try (Container container = Container.start(Worker.class, RequestData.class, Destroyed.class)) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            Future<String> result = worker.hangFuture(started, interrupted);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(result.cancel(true)).isTrue();
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the method was interrupted").isTrue();
            assertThat(result.isCancelled()).isTrue();
            assertThat(result.isDone()).isTrue();
            assertThatThrownBy(result::get).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void cancellingAStageInterruptsTheMethod() throws Exception {
        try (Container container = Container.start(Worker.class, RequestData.class, Destroyed.class)) {
            Worker worker = container.bean(Worker.class);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CompletableFuture<String> result = worker.hangStage(started, interrupted).toCompletableFuture();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(result.cancel(true)).isTrue();
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the method was interrupted").isTrue();
            assertThat(result.isCancelled()).isTrue();
        }
    }
}
