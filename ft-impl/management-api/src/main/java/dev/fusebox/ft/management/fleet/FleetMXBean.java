package dev.fusebox.ft.management.fleet;

/**
 * How one instance sees its fleet store, registered as
 * {@code dev.fusebox.ft:type=Fleet,application=<app>} by the fleet module
 * ({@code fusebox-fleet-zookeeper}) while it runs. Read-only: fleet actions are written to the
 * store, not here. When the store is unreachable the instance keeps every fleet forcing and the
 * overrides as last read, and {@link #getStatus()} says since when.
 */
public interface FleetMXBean {

    /** The type key of its ObjectName. */
    String TYPE = "Fleet";

    /**
     * One line for operators, e.g. {@code connected to 127.0.0.1:2181/fusebox as instances},
     * {@code UNREACHABLE since 2026-12-06T18:20:00Z; keeping 2 fleet forcings and the overrides read at ...}
     * or {@code not yet read from the fleet}.
     */
    String getStatus();

    /** Whether the instance has a live session with the ensemble now. */
    boolean isConnected();

    /** The id the instance registered under. */
    String getInstanceId();

    /** How many of its breakers a fleet forcing holds now. */
    int getFleetForcings();

    /** When the fleet's forcings and overrides were last read in full or changed (0: never). */
    long getLastReadEpochMillis();

    /** How many node values were refused (corrupt, too large, invalid) since start. */
    long getRefusedNodes();

    /** The last refusal or failure, with what and why; empty when there was none. */
    String getLastProblem();
}
