package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A guarded bean whose first call comes from a thread other than the one that started the
 * container: the bean, and with it its interceptor and the interceptor's chains, are created on
 * that thread. On OpenWebBeans' default contexts (the test {@code Container} uses them, as its
 * Arquillian container and a plain OpenWebBeans do) the Singleton context exists only on the
 * starting thread, so while the chains were a {@code @Singleton} bean this call failed with
 * {@code ContextNotActiveException: WebBeans context with scope type annotation @Singleton does
 * not exist within current thread}; they are {@code @Dependent} now. On Weld it always passed.
 */
@ExtendWith(ThreadHygiene.class)
class OtherThreadFirstTest {

    @ApplicationScoped
    public static class Flaky {
        private final AtomicInteger calls = new AtomicInteger();

        @Retry(maxRetries = 2)
        public String retried() {
            if (calls.incrementAndGet() < 2) {
                throw new IllegalStateException("first call fails");
            }
            return "ok after " + calls.get() + " calls";
        }
    }

    @Test
    void aBeanFirstCalledOnAnotherThreadIsGuarded() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-caller"));
        try (Container container = Container.start(Flaky.class)) {
            Flaky flaky = container.bean(Flaky.class);
            String result = CompletableFuture.supplyAsync(flaky::retried, other).get(10, TimeUnit.SECONDS);
            assertThat(result).isEqualTo("ok after 2 calls");
        } finally {
            other.shutdown();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
