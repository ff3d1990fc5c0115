package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.core.circuitbreaker.Transition;
import java.time.Instant;
import java.util.Map;

/**
 * Puts back, at start-up and before the first call, the forcings a {@link ForcedStateStore} kept:
 * each with its own {@code since} (or the restart, when the store does not know it) and expiry.
 * One that ran out meanwhile is skipped and marked, so the writer drops it from the store; one of a
 * breaker that no longer exists is skipped; one whose operator name or state cannot be taken is
 * refused. Each outcome is audited under the name of who forced it. Runs once, on the deploying
 * thread.
 * Not thread-safe: confined to that thread.
 */
final class ForcingRestore {

    private static final System.Logger LOG = System.getLogger(ForcingRestore.class.getName());

    private ForcingRestore() {
    }

    static void restore(Map<String, Guarded> breakers, ForcedStateWriter forcings, OperatorActions audit) {
        ForcedStateStore store = forcings.store();
        Map<String, PersistedForcing> kept;
        try {
            kept = store.load();
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.ERROR, "could not load the forced states from " + store, failed);
            return;
        }
        kept.forEach((name, forcing) -> {
            Guarded guarded = breakers.get(name);
            if (guarded == null) {
                LOG.log(System.Logger.Level.WARNING, "kept forcing of " + name + " skipped: no such circuit breaker");
                return;
            }
            if (forcing.expiredAt(guarded.clock().nowEpochMillis())) {
                LOG.log(System.Logger.Level.INFO, "kept forcing of " + name + " skipped: it ran out");
                forcings.changed(name);
                return;
            }
            try {
                OperatorInput.name(forcing.by());
                CircuitState state = CircuitState.valueOf(forcing.state());
                long until = forcing.untilEpochMillis() == 0 ? Forced.NEVER
                        : guarded.clock().deadline(Instant.ofEpochMilli(forcing.untilEpochMillis()));
                // 0: the store does not know when it began (an entry written before Fusebox kept it)
                long since = forcing.sinceEpochMillis() == 0 ? guarded.clock().nowNanos()
                        : guarded.clock().deadline(Instant.ofEpochMilli(forcing.sinceEpochMillis()));
                Transition made = guarded.method().breaker().force(state, forcing.by(), forcing.reason(), since,
                        until);
                audit.record(forcing.by(), OperatorActions.forceAction(state), name, forcing.reason(),
                        made.from().name(), made.to().name(), true,
                        "restored from " + store + "; " + OperatorActions.untilText(guarded, until));
            } catch (IllegalArgumentException invalid) {
                audit.record(forcing.by(), "restore", name, forcing.reason(), null, null, false,
                        "kept forcing not restored: " + invalid.getMessage());
            }
        });
    }
}
