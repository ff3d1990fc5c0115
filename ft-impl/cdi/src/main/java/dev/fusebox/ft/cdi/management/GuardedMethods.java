package dev.fusebox.ft.cdi.management;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import java.util.List;

/**
 * The CDI layer's one port for management (JMX, the overrides file): the guarded methods of one
 * container, each with its policy in force and its engines ({@link MethodEngines}), and the one
 * way to change a policy at run time. Management uses this and the engines' own API (a breaker's
 * state, force, release, reset); it never reaches into the interceptor, and an ArchUnit rule
 * ({@code InterceptorSealedTest} in the management modules) keeps it so. Get it from
 * {@code FaultToleranceExtension.guardedMethods()}. Implementations are thread-safe once
 * deployment has ended.
 */
public interface GuardedMethods {

    /** Every guarded method of the container, in deployment order; empty before deployment ended. */
    List<MethodEngines> all();

    /**
     * Puts {@code replacement} in force for {@code method} without losing state: its breaker and
     * bulkhead take the new parameters in place and calls from now on go through a chain built for
     * it. Only parameters may change; turning a policy on or off needs a restart.
     *
     * @throws IllegalArgumentException when {@code method} is not one of {@link #all()}, or
     *                                  {@code replacement} is for another method or turns a policy
     *                                  on or off
     */
    void reconfigure(MethodEngines method, MethodPolicy replacement);

    /**
     * Checks that {@code replacement} may replace {@code current} at run time, without changing
     * anything.
     *
     * @throws IllegalArgumentException when it is for another method or turns a policy on or off
     */
    void checkCompatible(MethodPolicy current, MethodPolicy replacement);
}
