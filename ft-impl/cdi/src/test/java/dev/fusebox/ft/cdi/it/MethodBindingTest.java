package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.cdi.interceptor.FaultToleranceInterceptor;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which methods the Fusebox interceptor is bound to, in a real Weld container: a method with a
 * fault-tolerance annotation (or on a class that carries one, directly or inherited) is
 * intercepted; a method without any on a bean that has one elsewhere is not. Each method reports
 * the classes on its own call stack, so the test sees what Weld actually runs.
 */
@ExtendWith(ThreadHygiene.class)
class MethodBindingTest {

    /** The declaring classes of the frames that called the current method. */
    static List<Class<?>> callers() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass).toList());
    }

    @ApplicationScoped
    public static class PartlyGuarded {
        @Retry
        public List<Class<?>> guarded() {
            return callers();
        }

        public List<Class<?>> unguarded() {
            return callers();
        }
    }

    @Timeout
    @ApplicationScoped
    public static class GuardedClass {
        public List<Class<?>> anyMethod() {
            return callers();
        }
    }

    @ApplicationScoped
    public static class InheritsGuardedClass extends GuardedClass {
        public List<Class<?>> ownMethod() {
            return callers();
        }
    }

    public static class PartlyGuardedBase {
        @Retry
        public List<Class<?>> inheritedGuarded() {
            return callers();
        }

        public List<Class<?>> inheritedUnguarded() {
            return callers();
        }
    }

    @ApplicationScoped
    public static class InheritsGuardedMethod extends PartlyGuardedBase {
        public List<Class<?>> ownMethod() {
            return callers();
        }
    }

    @Test
    void unguardedMethodOfGuardedBeanIsNotIntercepted() {
        try (Container container = Container.start(PartlyGuarded.class)) {
            PartlyGuarded bean = container.bean(PartlyGuarded.class);
            assertThat(bean.guarded()).as("stack of the @Retry method").contains(FaultToleranceInterceptor.class);
            assertThat(bean.unguarded()).as("stack of the method without annotation")
                    .doesNotContain(FaultToleranceInterceptor.class);
        }
    }

    @Test
    void classLevelAnnotationBindsEveryMethodAlsoInSubclasses() {
        try (Container container = Container.start(GuardedClass.class)) {
            assertThat(container.bean(GuardedClass.class).anyMethod()).contains(FaultToleranceInterceptor.class);
        }
        try (Container container = Container.start(InheritsGuardedClass.class)) {
            InheritsGuardedClass inheriting = container.bean(InheritsGuardedClass.class);
            assertThat(inheriting.anyMethod()).as("inherited method, @Timeout inherited from the superclass")
                    .contains(FaultToleranceInterceptor.class);
            assertThat(inheriting.ownMethod()).as("own method, @Timeout inherited from the superclass")
                    .contains(FaultToleranceInterceptor.class);
        }
    }

    @Test
    void annotatedSuperclassMethodIsInterceptedItsNeighbourIsNot() {
        try (Container container = Container.start(InheritsGuardedMethod.class)) {
            InheritsGuardedMethod bean = container.bean(InheritsGuardedMethod.class);
            assertThat(bean.inheritedGuarded()).contains(FaultToleranceInterceptor.class);
            assertThat(bean.inheritedUnguarded()).doesNotContain(FaultToleranceInterceptor.class);
            assertThat(bean.ownMethod()).doesNotContain(FaultToleranceInterceptor.class);
        }
    }
}
