/**
 * What the console's screens show and do, as JavaFX properties and observable lists: fleet overview
 * rows, breaker rows across the fleet with filtering, the detail of a selected breaker, and the
 * operator actions with their confirmation step. No {@code javafx.scene} types (an ArchUnit test
 * keeps it so), so every class here is tested without a scene or an FX thread. Thread-safety: the
 * view-models are confined to one thread, the FX thread in the running console; work finished
 * elsewhere comes back through the {@link java.util.concurrent.Executor} they are given.
 */
package dev.fusebox.console.viewmodel;
