package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The waits of the {@code @Retry} beside it come from an application's strategy: a new instance of
 * {@link #value()} per guarded call, asked before each retry. The retry's {@code maxDuration}
 * still bounds the whole. Needs {@code @Retry} on the same method or class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CustomBackoff {

    /** The strategy; a public class with a public no-argument constructor. */
    Class<? extends CustomBackoffStrategy> value();
}
