package dev.fusebox.ft.management;

/**
 * An operator's forcing of a circuit breaker.
 *
 * Thread-safety: immutable.
 *
 * @param state            OPEN or CLOSED
 * @param by               who forced it: the authenticated JMX principal, or {@code code:<class>}
 *                         for application code
 * @param reason           why, as given
 * @param sinceEpochMillis when it was forced
 * @param untilEpochMillis when it runs out, or 0 when it holds until released
 */
public record Forcing(String state, String by, String reason, long sinceEpochMillis, long untilEpochMillis) {
}
