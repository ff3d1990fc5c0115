package dev.fusebox.ft.cdi;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.api.RateLimit;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Where the interceptor binding goes, so that only methods a fault-tolerance annotation governs pay
 * for interception:
 * <ul>
 *   <li>a type that carries one of the annotations itself, or inherits one from a superclass (they
 *       are all {@code @Inherited}), is bound whole: the annotation governs every business method;</li>
 *   <li>an interface is bound whole too; this binds nothing in practice, since no bean is made from
 *       an interface's annotated type. A MicroProfile Rest Client interface is NOT reached through
 *       this: its proxy is made by {@code BeanManager.createInterceptionFactory}, which reads the
 *       interface as declared, so it is bound because the extension declares the annotations
 *       themselves interceptor bindings carrying Fusebox's binding, and its policies come from the
 *       synthetic bean (see {@code FaultToleranceExtension});</li>
 *   <li>otherwise each method that carries an annotation (declared on the class or inherited from a
 *       superclass) is bound on its own, and the others stay plain calls.</li>
 * </ul>
 * The rule matches what the policy resolution reads (the method's own annotations, then the bean
 * class's): a method bound here is one the resolver may guard, and a method the resolver guards is
 * always bound. Annotations on stereotypes govern nothing (the resolver does not read them); CDI
 * itself binds the interceptor through them (they are interceptor bindings), and the interceptor,
 * finding no policy, lets such calls through. Stateless; thread-safe.
 */
final class GuardedMembers {

    /**
     * The annotations that make a method guarded on their own: the specification's six,
     * {@link RateLimit}, {@link AdaptiveBulkhead} and {@link Hedge} (Fusebox's other annotations need
     * a {@code @Retry} beside them).
     */
    static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(Asynchronous.class, Bulkhead.class,
            CircuitBreaker.class, Fallback.class, Retry.class, Timeout.class, RateLimit.class, AdaptiveBulkhead.class,
            Hedge.class);

    private GuardedMembers() {
    }

    /** Adds {@code binding} to the whole type, or to each governed method (see the class comment). */
    static <T> void bind(AnnotatedTypeConfigurator<T> type, Annotation binding) {
        Class<T> javaClass = type.getAnnotated().getJavaClass();
        if (javaClass.isInterface() || carriesAny(javaClass) || type.getAnnotated().getAnnotations().stream()
                .anyMatch(annotation -> ANNOTATIONS.contains(annotation.annotationType()))) {
            type.add(binding);
            return;
        }
        for (AnnotatedMethodConfigurator<? super T> method : type.methods()) {
            AnnotatedMethod<? super T> annotated = method.getAnnotated();
            if (interceptable(annotated.getJavaMember()) && (carriesAny(annotated.getJavaMember())
                    || ANNOTATIONS.stream().anyMatch(annotated::isAnnotationPresent))) {
                method.add(binding);
            }
        }
    }

    /**
     * Whether the method is a business method: static and private ones are never intercepted (and
     * the resolver skips them too). A final method with an annotation is bound, so that CDI reports
     * it as a definition error, as it did when the whole class was bound.
     */
    private static boolean interceptable(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers);
    }

    private static boolean carriesAny(AnnotatedElement element) {
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
            if (element.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }
}
