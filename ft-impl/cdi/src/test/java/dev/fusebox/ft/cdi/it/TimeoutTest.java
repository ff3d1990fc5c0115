package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class TimeoutTest {

    @ApplicationScoped
    public static class Remote {

        /** Blocks far past the timeout unless interrupted; returns normally either way. */
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

        @Timeout(value = 2, unit = ChronoUnit.SECONDS)
        public String fast() {
            return "fast";
        }

        @Asynchronous
        public CompletionStage<String> quickAsync() {
            return CompletableFuture.completedFuture("quick");
        }

        @Asynchronous
        @Timeout(value = 100, unit = ChronoUnit.MILLIS)
        public CompletionStage<String> slowAsync(CountDownLatch interrupted) {
            return CompletableFuture.completedFuture(slow(interrupted));
        }
    }

    @Test
    void aSlowCallFailsWithTimeoutExceptionAndIsInterrupted() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch interrupted = new CountDownLatch(1);
            assertThatThrownBy(() -> remote.slow(interrupted)).isInstanceOf(TimeoutException.class);
            assertThat(interrupted.getCount()).as("the method saw the interrupt").isZero();
            assertThat(Thread.interrupted()).as("no interrupt leaks to the caller").isFalse();
        }
    }

    @Test
    void aFastCallIsNotDisturbed() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            for (int i = 0; i < 20; i++) {
                assertThat(remote.fast()).isEqualTo("fast");
            }
            assertThat(Thread.interrupted()).isFalse();
        }
    }

    @Test
    void aSlowAsyncCallFailsWithTimeoutExceptionAndIsInterrupted() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            // the container's first asynchronous call starts its first thread and request context, which
            // can take most of 100 ms; a timeout that fires before the method starts cancels it unstarted
            assertThat(remote.quickAsync().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("quick");
            CountDownLatch interrupted = new CountDownLatch(1);
            CompletableFuture<String> result = remote.slowAsync(interrupted).toCompletableFuture();
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker saw the interrupt").isTrue();
        }
    }
}
