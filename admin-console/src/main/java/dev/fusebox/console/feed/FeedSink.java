package dev.fusebox.console.feed;

import java.util.Collection;

/**
 * Where the connection layer reports what it learns about a JVM. Calls for one JVM come from one
 * thread at a time (that connection's worker); calls for different JVMs may be concurrent.
 *
 * <p>Thread-safety: implementations must take concurrent calls for different JVMs; {@link FleetFeed}
 * does, under its lock.
 */
public interface FeedSink {

    void connectionChanged(String jvm, ConnectionState state);

    void permissionChanged(String jvm, Permission permission);

    /** A complete poll of the JVM. */
    void polled(JvmReading reading);

    /**
     * One breaker re-read outside the regular poll (after a notification or an action). It updates
     * what is shown; rates come from the regular polls only.
     */
    void breakerRead(BreakerReading reading, long atMillis);

    /** A {@code State} notification: the breaker's new state and its cause. */
    void stateNotified(MethodKey key, String newState, String cause, long atMillis);

    /** A {@code Saturated} notification of a bulkhead. */
    void saturationNotified(MethodKey key, boolean saturated, long atMillis);

    /** The JVM left the fleet. */
    void removed(Collection<String> jvms);
}
