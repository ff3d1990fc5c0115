package dev.fusebox.ft.fleet.client;

/**
 * One breaker of one application across its instances: how many instances have it and in which
 * state, how many of them are forced (by the fleet or over JMX), and the fleet's forcing of it.
 * Thread-safety: immutable.
 *
 * @param application  the application
 * @param breaker      the breaker ({@code <bean class>#<method>}) or a forced {@code group:<name>}
 * @param instances    how many registered instances have the breaker
 * @param open         of those, how many are OPEN
 * @param halfOpen     HALF_OPEN
 * @param closed       CLOSED
 * @param forcedOpen   how many are forced open (fleet or local)
 * @param forcedClosed how many are forced closed
 * @param fleetForcing the fleet's forcing of it, {@code OPEN by x: reason}, with
 *                     {@code until 2026-12-06T19:30:00Z} after the name when it runs out (instances
 *                     release it then; the node stays until released), or empty
 */
public record MethodRow(String application, String breaker, int instances, int open, int halfOpen, int closed,
                        int forcedOpen, int forcedClosed, String fleetForcing) {

    /** {@code payments#charge: 37 of 40 instances OPEN}, with the half-open ones and the fleet's forcing when any. */
    public String summary() {
        StringBuilder text = new StringBuilder(breaker).append(": ").append(open).append(" of ").append(instances)
                .append(instances == 1 ? " instance OPEN" : " instances OPEN");
        if (halfOpen > 0) {
            text.append(", ").append(halfOpen).append(" HALF_OPEN");
        }
        if (!fleetForcing.isEmpty()) {
            text.append("; forced fleet-wide ").append(fleetForcing);
        }
        return text.toString();
    }
}
