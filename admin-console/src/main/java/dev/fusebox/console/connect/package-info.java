/**
 * JMX connections to the JVMs of the fleet: one {@link dev.fusebox.console.connect.JvmConnection}
 * per JVM, each with its own worker thread that connects (with {@code jmx.remote.credentials}, and
 * TLS when asked), subscribes to every breaker's and bulkhead's notifications, polls once a second,
 * runs operator actions (it serves {@link dev.fusebox.console.operator.FleetOperations}), and
 * reconnects with exponential backoff. Nothing here runs on, or knows about, the JavaFX thread; what
 * is learnt goes to a {@link dev.fusebox.console.feed.FeedSink}.
 * Also: connection profiles saved without passwords, and best-effort discovery of local JVMs
 * through the Attach API.
 */
package dev.fusebox.console.connect;
