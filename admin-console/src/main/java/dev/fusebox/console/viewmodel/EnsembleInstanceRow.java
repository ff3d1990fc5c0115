package dev.fusebox.console.viewmodel;

import dev.fusebox.ft.management.fleet.FleetMember;

/**
 * One registered instance as the fleet screen lists it for the selected breaker: who and where it
 * is, that breaker's state there (and whether it is forced by the fleet or locally), and the JMX
 * address to drill down with.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param instanceId the instance's id in the ensemble
 * @param host       its host
 * @param state      the breaker's state there, or {@code —} when it has no such breaker
 * @param forced     {@code OPEN (fleet)}, {@code CLOSED (local)} or empty
 * @param jmxAddress the JMX address it registered, or empty
 * @param status     how it sees the ensemble, e.g. {@code connected}
 * @param version    its version
 */
public record EnsembleInstanceRow(String instanceId, String host, String state, String forced, String jmxAddress,
                                  String status, String version) {

    static EnsembleInstanceRow of(FleetMember m, String breaker) {
        FleetMember.BreakerState b = breaker == null ? null : m.breakers().get(breaker);
        String state = b == null ? "\u2014" : b.state();
        String forced = b == null || b.forced().isEmpty() ? ""
                : b.forced() + (b.actionId().isEmpty() ? " (local)" : " (fleet)");
        return new EnsembleInstanceRow(m.instanceId(), m.host(), state, forced, m.jmxAddress(), m.fleetStatus(),
                m.version());
    }
}
