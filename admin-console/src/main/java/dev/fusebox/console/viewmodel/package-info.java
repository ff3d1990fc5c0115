/**
 * What the console's screens show and do, as JavaFX properties and observable lists: fleet overview
 * rows, breaker rows across the fleet with filtering, the detail of a selected breaker, the
 * operator actions with their confirmation step, and the connection dialog. No {@code javafx.scene}
 * types and nothing of {@code connect} or {@code view} (ArchUnit tests keep it so): requests leave
 * through the ports of {@code dev.fusebox.console.operator}, so every class here is tested without a
 * scene, an FX thread or a JMX connection. Thread-safety: the
 * view-models are confined to one thread, the FX thread in the running console; work finished
 * elsewhere comes back through the {@link java.util.concurrent.Executor} they are given.
 */
package dev.fusebox.console.viewmodel;
