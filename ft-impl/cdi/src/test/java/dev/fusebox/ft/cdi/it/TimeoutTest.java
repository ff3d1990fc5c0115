package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
        public String slow(CountDownLatch entered, CountDownLatch interrupted) {
            entered.countDown();
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
        @Timeout(value = 100, unit = ChronoUnit.MILLIS)
        public CompletionStage<String> slowAsync(CountDownLatch entered, CountDownLatch interrupted) {
            return CompletableFuture.completedFuture(slow(entered, interrupted));
        }
    }

    /**
     * Virtual time: the call blocks on a real thread of its own; the deadline watcher's clock and
     * wake-up are the test's, its interrupt is real.
     */
    @Test
    void aSlowCallFailsWithTimeoutExceptionAndIsInterrupted() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class);
             CallingThread caller = new CallingThread()) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            Future<Object> call = caller.call(() -> {
                try {
                    return remote.slow(entered, interrupted);
                } catch (TimeoutException expected) {
                    return Thread.interrupted() ? "interrupt leaked to the caller" : expected;
                }
            });
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("the method started").isTrue();
            time.advance(Duration.ofMillis(99));
            assertThat(time.pending()).as("1 ms before the deadline the watcher's scan is still due").isEqualTo(1);
            time.advance(Duration.ofMillis(1));
            assertThat(call.get(5, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(interrupted.getCount()).as("the method saw the interrupt").isZero();
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
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Remote.class)) {
            Remote remote = container.bean(Remote.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CompletableFuture<String> result = remote.slowAsync(entered, interrupted).toCompletableFuture();
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("the method started on a worker").isTrue();
            time.advance(Duration.ofMillis(99));
            assertThat(result).as("1 ms before the deadline").isNotDone();
            time.advance(Duration.ofMillis(1));
            assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker saw the interrupt").isTrue();
        }
    }
}
