package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class FallbackTest {

    static class Skipped extends RuntimeException {
        Skipped() {
            super("skipped by the fallback");
        }
    }

    @ApplicationScoped
    public static class Greeter {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        @Fallback(fallbackMethod = "politely")
        public String greet(String name, int times) {
            invocations.incrementAndGet();
            throw new IllegalStateException("greeting service down");
        }

        String politely(String name, int times) {
            return "hello " + name + " x" + times + " (fallback)";
        }

        @Fallback(GreetingHandler.class)
        public String handled(String name) {
            throw new IllegalStateException("failure for " + name);
        }

        @Fallback(fallbackMethod = "recover", skipOn = Skipped.class)
        public String skipping(RuntimeException failure) {
            throw failure;
        }

        String recover(RuntimeException failure) {
            return "recovered";
        }

        @Fallback(fallbackMethod = "politely")
        public String succeeds(String name, int times) {
            return "hi " + name;
        }
    }

    /** What the handler saw, one entry per call. */
    @ApplicationScoped
    public static class Seen {
        private final List<Object[]> calls = new CopyOnWriteArrayList<>();

        void add(Method method, Object[] parameters, Throwable failure) {
            calls.add(new Object[] {method, parameters, failure});
        }

        List<Object[]> calls() {
            return calls;
        }
    }

    @Dependent
    public static class GreetingHandler implements FallbackHandler<String> {
        @Inject
        Seen seen;

        @Override
        public String handle(ExecutionContext context) {
            seen.add(context.getMethod(), context.getParameters(), context.getFailure());
            return "handled " + context.getParameters()[0];
        }
    }

    @Test
    void fallbackMethodGetsTheCallsArguments() {
        try (Container container = Container.start(Greeter.class)) {
            Greeter greeter = container.bean(Greeter.class);
            assertThat(greeter.greet("ada", 2)).isEqualTo("hello ada x2 (fallback)");
            assertThat(greeter.invocations()).isEqualTo(1);
        }
    }

    @Test
    void fallbackIsNotUsedWhenTheMethodSucceeds() {
        try (Container container = Container.start(Greeter.class)) {
            assertThat(container.bean(Greeter.class).succeeds("bob", 1)).isEqualTo("hi bob");
        }
    }

    @Test
    void fallbackHandlerBeanSeesMethodParametersAndFailure() throws Exception {
        try (Container container = Container.start(Greeter.class, Seen.class, GreetingHandler.class)) {
            Greeter greeter = container.bean(Greeter.class);
            assertThat(greeter.handled("grace")).isEqualTo("handled grace");

            List<Object[]> calls = container.bean(Seen.class).calls();
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0)[0]).isEqualTo(Greeter.class.getMethod("handled", String.class));
            assertThat((Object[]) calls.get(0)[1]).containsExactly("grace");
            assertThat((Throwable) calls.get(0)[2]).isInstanceOf(IllegalStateException.class)
                    .hasMessage("failure for grace");
        }
    }

    @Test
    void skipOnFailuresReachTheCaller() {
        try (Container container = Container.start(Greeter.class)) {
            Greeter greeter = container.bean(Greeter.class);
            Skipped skipped = new Skipped();
            assertThatThrownBy(() -> greeter.skipping(skipped)).isSameAs(skipped);
            assertThat(greeter.skipping(new IllegalStateException())).isEqualTo("recovered");
        }
    }
}
