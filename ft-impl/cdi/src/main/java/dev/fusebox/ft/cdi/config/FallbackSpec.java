package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import java.lang.reflect.Method;

/**
 * A resolved {@code @Fallback}: either a handler class or a fallback method (exactly one is set),
 * and which failures it applies to (applyOn, skipOn).
 * Thread-safety: immutable.
 */
public record FallbackSpec(Class<?> handler, Method method, ExceptionClassifier applyOn) {
}
