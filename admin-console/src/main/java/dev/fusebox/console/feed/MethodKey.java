package dev.fusebox.console.feed;

import java.util.Objects;

/**
 * One guarded method of one application in one connected JVM: what a breaker or bulkhead row is
 * keyed by across the fleet.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param jvm         the connection's name in the console (unique in the fleet)
 * @param application the application the method belongs to
 * @param beanClass   the bean class
 * @param method      the method (with parameter types when overloaded)
 */
public record MethodKey(String jvm, String application, String beanClass, String method) {

    public MethodKey {
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(method, "method");
    }

    /** {@code <bean class>#<method>}, the name the management API's actions take. */
    public String name() {
        return beanClass + "#" + method;
    }

    /** The bean class without its package. */
    public String simpleBean() {
        int dot = beanClass.lastIndexOf('.');
        return dot < 0 ? beanClass : beanClass.substring(dot + 1);
    }
}
