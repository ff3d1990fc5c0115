package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ThreadHygiene.class)
class ConfigOverrideTest {

    private static final String CLASS_LEVEL = ClassLevel.class.getName();
    private static final String METHOD_LEVEL = MethodLevel.class.getName();
    private static final String SWITCHABLE = Switchable.class.getName();

    @Retry(maxRetries = 1, jitter = 0)
    @ApplicationScoped
    public static class ClassLevel {
        private final AtomicInteger invocations = new AtomicInteger();

        public int call() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        public int other() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }

        /** How many times the method ran in this call (retries included). */
        int attemptsOf(Runnable call) {
            int before = invocations.get();
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class);
            return invocations.get() - before;
        }
    }

    @ApplicationScoped
    public static class MethodLevel {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        @Retry(maxRetries = 1, jitter = 0)
        public int call() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }
    }

    @ApplicationScoped
    public static class Switchable {
        private final AtomicInteger invocations = new AtomicInteger();

        @Retry(maxRetries = 2, jitter = 0)
        @Fallback(fallbackMethod = "fallback")
        public String call() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down after " + invocations.get());
        }

        String fallback() {
            return "fallback after " + invocations.get();
        }

        @Asynchronous
        public Future<String> thread() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void methodKeyBeatsClassKeyBeatsGlobalKey() {
        Map<String, String> properties = new HashMap<>();
        assertThat(attempts(properties, "call")).as("annotation").isEqualTo(2);
        properties.put("Retry/maxRetries", "2");
        assertThat(attempts(properties, "call")).as("global key").isEqualTo(3);
        properties.put(CLASS_LEVEL + "/Retry/maxRetries", "3");
        assertThat(attempts(properties, "call")).as("class key").isEqualTo(4);
        properties.put(CLASS_LEVEL + "/call/Retry/maxRetries", "4");
        assertThat(attempts(properties, "call")).as("method key").isEqualTo(5);
        assertThat(attempts(properties, "other")).as("class key, for the other method").isEqualTo(4);
    }

    @Test
    void classKeyDoesNotApplyToAMethodLevelAnnotation() {
        try (Container container = Container.start(Map.of(METHOD_LEVEL + "/Retry/maxRetries", "5"), MethodLevel.class)) {
            MethodLevel bean = container.bean(MethodLevel.class);
            assertThatThrownBy(bean::call).isInstanceOf(IllegalStateException.class);
            assertThat(bean.invocations()).isEqualTo(2);
        }
        try (Container container = Container.start(Map.of("Retry/maxRetries", "2"), MethodLevel.class)) {
            MethodLevel bean = container.bean(MethodLevel.class);
            assertThatThrownBy(bean::call).isInstanceOf(IllegalStateException.class);
            assertThat(bean.invocations()).as("the global key does apply").isEqualTo(3);
        }
    }

    @Test
    void exceptionListsAreReadFromConfig() {
        String key = METHOD_LEVEL + "/call/Retry/abortOn";
        try (Container container = Container.start(Map.of(key, "java.lang.IllegalArgumentException, java.lang.IllegalStateException"),
                MethodLevel.class)) {
            MethodLevel bean = container.bean(MethodLevel.class);
            assertThatThrownBy(bean::call).isInstanceOf(IllegalStateException.class);
            assertThat(bean.invocations()).as("IllegalStateException aborts the retries").isEqualTo(1);
        }
    }

    static Stream<Arguments> switches() {
        return Stream.of(
                Arguments.of(Map.of(), "fallback after 3"),
                Arguments.of(Map.of(SWITCHABLE + "/call/Retry/enabled", "false"), "fallback after 1"),
                Arguments.of(Map.of(SWITCHABLE + "/Retry/enabled", "false"), "fallback after 1"),
                Arguments.of(Map.of("Retry/enabled", "false"), "fallback after 1"),
                Arguments.of(Map.of("Retry/enabled", "false", SWITCHABLE + "/call/Retry/enabled", "true"),
                        "fallback after 3"),
                Arguments.of(Map.of(SWITCHABLE + "/Retry/enabled", "false", SWITCHABLE + "/call/Retry/enabled", "true"),
                        "fallback after 3"),
                Arguments.of(Map.of("Retry/enabled", "true", SWITCHABLE + "/Retry/enabled", "false"), "fallback after 1"),
                Arguments.of(Map.of("MP_Fault_Tolerance_NonFallback_Enabled", "false"), "fallback after 1"),
                Arguments.of(Map.of("MP_Fault_Tolerance_NonFallback_Enabled", "false", "Retry/enabled", "true"),
                        "fallback after 3"),
                Arguments.of(Map.of("Fallback/enabled", "false"), "down after 3"),
                Arguments.of(Map.of(SWITCHABLE + "/call/Fallback/enabled", "false",
                        "MP_Fault_Tolerance_NonFallback_Enabled", "false"), "down after 1"));
    }

    @ParameterizedTest
    @MethodSource("switches")
    void enabledSwitches(Map<String, String> properties, String outcome) {
        try (Container container = Container.start(properties, Switchable.class)) {
            Switchable bean = container.bean(Switchable.class);
            String result;
            try {
                result = bean.call();
            } catch (IllegalStateException failure) {
                result = failure.getMessage();
            }
            assertThat(result).isEqualTo(outcome);
        }
    }

    @Test
    void nonFallbackSwitchTurnsAsynchronousOff() throws Exception {
        try (Container container = Container.start(Map.of("MP_Fault_Tolerance_NonFallback_Enabled", "false"),
                Switchable.class)) {
            assertThat(container.bean(Switchable.class).thread().get(5, TimeUnit.SECONDS))
                    .isEqualTo(Thread.currentThread().getName());
        }
    }

    // ---- interceptor priority

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Counted {
    }

    /** Sits at priority 3000: outside Fusebox by default (4010), inside it when Fusebox is given 2000. */
    @Counted
    @Interceptor
    @Priority(3000)
    public static class CountingInterceptor {
        @Inject
        Passes passes;

        @AroundInvoke
        public Object count(InvocationContext context) throws Exception {
            passes.increment();
            return context.proceed();
        }
    }

    @ApplicationScoped
    public static class Passes {
        private final AtomicInteger count = new AtomicInteger();

        void increment() {
            count.incrementAndGet();
        }

        int count() {
            return count.get();
        }
    }

    @ApplicationScoped
    public static class Prioritized {
        @Counted
        @Retry(maxRetries = 2, jitter = 0)
        public String call() {
            throw new IllegalStateException("down");
        }
    }

    @Test
    void interceptorPriorityIsTakenFromConfig() {
        assertThat(passesThroughCountingInterceptor(Map.of())).as("default priority: Fusebox inside").isEqualTo(1);
        assertThat(passesThroughCountingInterceptor(Map.of("mp.fault.tolerance.interceptor.priority", "2000")))
                .as("priority 2000: Fusebox outside, each attempt passes the other interceptor").isEqualTo(3);
    }

    private static int passesThroughCountingInterceptor(Map<String, String> properties) {
        try (Container container = Container.start(properties, Prioritized.class, CountingInterceptor.class, Passes.class)) {
            assertThatThrownBy(container.bean(Prioritized.class)::call).isInstanceOf(IllegalStateException.class);
            return container.bean(Passes.class).count();
        }
    }

    private static int attempts(Map<String, String> properties, String method) {
        try (Container container = Container.start(properties, ClassLevel.class)) {
            ClassLevel bean = container.bean(ClassLevel.class);
            return bean.attemptsOf("call".equals(method) ? bean::call : bean::other);
        }
    }
}
