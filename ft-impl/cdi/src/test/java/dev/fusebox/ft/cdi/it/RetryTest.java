package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class RetryTest {

    static class Transient extends RuntimeException {
        Transient(String message) {
            super(message);
        }
    }

    static class Fatal extends Transient {
        Fatal(String message) {
            super(message);
        }
    }

    static class Unlisted extends RuntimeException {
        Unlisted(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger attempts = new AtomicInteger();

        int attempts() {
            return attempts.get();
        }

        @Retry(maxRetries = 3, jitter = 0)
        public String alwaysFails() {
            throw new IllegalStateException("attempt " + attempts.incrementAndGet());
        }

        @Retry(maxRetries = 5, jitter = 0)
        public String succeedsOnThird() {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "done after " + attempts.get();
        }

        @Retry(maxRetries = 5, jitter = 0, retryOn = Transient.class)
        public String retryOnlyTransient(RuntimeException failure) {
            attempts.incrementAndGet();
            throw failure;
        }

        /** Fails through the returned stage, not by throwing: retried all the same. */
        @Asynchronous
        @Retry(maxRetries = 3, jitter = 0)
        public CompletionStage<String> asyncSucceedsOnFourth() {
            if (attempts.incrementAndGet() < 4) {
                return CompletableFuture.failedFuture(new IllegalStateException("not yet"));
            }
            return CompletableFuture.completedFuture("done after " + attempts.get() + " on "
                    + Thread.currentThread().getName());
        }

        @Retry(maxRetries = 5, jitter = 0, retryOn = Transient.class, abortOn = Fatal.class)
        public String abortOnFatal(RuntimeException failure) {
            attempts.incrementAndGet();
            throw failure;
        }
    }

    @Test
    void retriesUpToMaxRetriesThenThrowsTheLastFailure() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThatThrownBy(remote::alwaysFails).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("attempt 4");
            assertThat(remote.attempts()).isEqualTo(4);
        }
    }

    @Test
    void stopsRetryingOnSuccess() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThat(remote.succeedsOnThird()).isEqualTo("done after 3");
            assertThat(remote.attempts()).isEqualTo(3);
        }
    }

    @Test
    void asyncCallsFailingThroughTheirStageAreRetried() throws Exception {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            assertThat(remote.asyncSucceedsOnFourth().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .startsWith("done after 4 on fusebox-async-");
        }
    }

    @Test
    void retriesOnlyFailuresListedInRetryOn() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            Unlisted unlisted = new Unlisted("not retried");
            assertThatThrownBy(() -> remote.retryOnlyTransient(unlisted)).isSameAs(unlisted);
            assertThat(remote.attempts()).isEqualTo(1);

            Transient retried = new Transient("retried");
            assertThatThrownBy(() -> remote.retryOnlyTransient(retried)).isSameAs(retried);
            assertThat(remote.attempts()).isEqualTo(1 + 6);
        }
    }

    @Test
    void abortOnWinsOverRetryOn() {
        try (Container container = Container.start(Remote.class)) {
            Remote remote = container.bean(Remote.class);
            Fatal fatal = new Fatal("a Transient, but listed in abortOn");
            assertThatThrownBy(() -> remote.abortOnFatal(fatal)).isSameAs(fatal);
            assertThat(remote.attempts()).isEqualTo(1);
        }
    }
}
