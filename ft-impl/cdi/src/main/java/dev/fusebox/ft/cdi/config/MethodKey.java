package dev.fusebox.ft.cdi.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The method's part of a guarded method's one name ({@link MethodPolicy#name()}): the method's
 * name, followed by its parameter types ({@code find(int)}, {@code find(java.lang.String)}) when
 * another business method of the bean class has the same name and a fault-tolerance annotation
 * applies to it, so that two guarded overloads never share a name. The key depends on the bean
 * class's declarations alone, not on configuration, so resolving a method again (an operator's
 * change) gives it the same name. Stateless; thread-safe.
 */
final class MethodKey {

    private static final List<Class<? extends Annotation>> GUARDS = List.of(Asynchronous.class, Bulkhead.class,
            CircuitBreaker.class, Fallback.class, Retry.class, Timeout.class);

    private MethodKey() {
    }

    /** The key of {@code method} as a business method of {@code beanClass}. */
    static String of(Class<?> beanClass, Method method) {
        return guardedOverload(beanClass, method) ? withParameters(method) : method.getName();
    }

    private static String withParameters(Method method) {
        return method.getName() + "(" + Stream.of(method.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.joining(",")) + ")";
    }

    /** Whether a business method of another signature but the same name is guarded too. */
    private static boolean guardedOverload(Class<?> beanClass, Method method) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method other : type.getDeclaredMethods()) {
                if (other.getName().equals(method.getName()) && isBusinessMethod(other)
                        && !Arrays.equals(other.getParameterTypes(), method.getParameterTypes())
                        && guarded(beanClass, other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers) && !method.isBridge()
                && !method.isSynthetic();
    }

    private static boolean guarded(Class<?> beanClass, Method method) {
        for (Class<? extends Annotation> guard : GUARDS) {
            if (method.isAnnotationPresent(guard) || beanClass.isAnnotationPresent(guard)) {
                return true;
            }
        }
        return false;
    }
}
