/**
 * What the console knows about each connected JVM, as immutable snapshots: breakers, bulkheads,
 * their counters, rates from counter deltas and five minutes of history, the connection's health
 * and what the login may do. Plain Java: no JMX connection code and no JavaFX. The connection layer
 * writes into a {@link dev.fusebox.console.feed.FeedSink}; {@link dev.fusebox.console.feed.FleetFeed}
 * turns that into {@link dev.fusebox.console.feed.JvmSnapshot}s for whoever listens.
 */
package dev.fusebox.console.feed;
