package dev.fusebox.ft.jmx;

/**
 * A breaker's forcing as a {@link ForcedStateStore} keeps it: wall-clock times, so it means the
 * same after a restart. Immutable.
 *
 * @param state            OPEN or CLOSED
 * @param by               who forced it
 * @param reason           why, as given
 * @param sinceEpochMillis when it was forced; 0 when the store does not know (it is then restored
 *                         as forced at start-up)
 * @param untilEpochMillis when it runs out, or 0 when it holds until released
 */
public record PersistedForcing(String state, String by, String reason, long sinceEpochMillis, long untilEpochMillis) {

    /** Whether it has run out at {@code nowEpochMillis}. */
    public boolean expiredAt(long nowEpochMillis) {
        return untilEpochMillis != 0 && nowEpochMillis >= untilEpochMillis;
    }
}
