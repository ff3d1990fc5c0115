package dev.fusebox.console.operator;

import dev.fusebox.samples.chaos.model.FaultStep;
import java.util.concurrent.CompletableFuture;

/**
 * The game-day mode's port to the fault injectors of connected JVMs: the MXBeans named
 * {@code dev.fusebox.samples:type=FaultInjector,dependency=<name>} that the demo shops register
 * (and that a real service may register under the same name and attributes). Every method returns
 * at once; the work runs on the JVM's connection worker and the future completes there, never on
 * the caller's thread, and never exceptionally: a failure is an {@link InjectorOutcome} that says why.
 *
 * <p>Thread-safety: implementations are thread-safe.
 */
public interface FaultInjection {

    /** Switches {@code step}'s fault on, on its dependency's injector in {@code jvm}. */
    CompletableFuture<InjectorOutcome> inject(String jvm, FaultStep step);

    /** Takes {@code step}'s fault back (its attribute to the healthy value), leaving other faults of the dependency. */
    CompletableFuture<InjectorOutcome> revert(String jvm, FaultStep step);

    /** Heals the dependency's injector entirely (its {@code heal()} operation). */
    CompletableFuture<InjectorOutcome> heal(String jvm, String dependency);
}
