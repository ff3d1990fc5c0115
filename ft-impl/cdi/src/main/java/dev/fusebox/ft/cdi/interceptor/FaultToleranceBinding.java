package dev.fusebox.ft.cdi.interceptor;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the {@link FaultToleranceInterceptor}. The extension adds it where a fault-tolerance
 * annotation governs ({@code GuardedMembers}): to a whole type whose class carries one, otherwise
 * to each annotated method, because the specification's annotations carry parameters and so cannot
 * bind one interceptor for all their values.
 * Thread-safety: an annotation, no state.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FaultToleranceBinding {

    /** The annotation instance to add programmatically. */
    final class Literal extends AnnotationLiteral<FaultToleranceBinding> implements FaultToleranceBinding {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
