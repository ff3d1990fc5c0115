/**
 * What the operator asks of the fleet and what comes back, in words that both sides of the console
 * share: where to connect ({@link dev.fusebox.console.operator.ConnectionProfile}, a
 * {@link dev.fusebox.console.operator.LocalJvm} found nearby), which action
 * ({@link dev.fusebox.console.operator.Action}) and what came of it
 * ({@link dev.fusebox.console.operator.ActionOutcome}), and the two ports through which the
 * view-models ask: {@link dev.fusebox.console.operator.FleetOperations} (served by the connection
 * layer's {@code Fleet}) and {@link dev.fusebox.console.operator.FleetConnections} (served by the
 * wiring in {@code app}). Plain Java: it imports the feed's keys, the management API and the JDK, and
 * nothing of {@code connect}, the view-models, the views or JavaFX (ArchUnit keeps it so), so the
 * view-models depend on it instead of on the connection layer.
 */
package dev.fusebox.console.operator;
