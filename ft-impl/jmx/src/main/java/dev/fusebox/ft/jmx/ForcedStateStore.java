package dev.fusebox.ft.jmx;

import java.util.Map;

/**
 * Keeps operators' forcings across restarts. Told after changes that took effect (force, release,
 * reset, a forcing running out); read once at start-up, before the first call, when the forcings
 * it returns are put back with their own {@code since} (expired ones skipped).
 *
 * <p>{@link #changed} is called by one writer thread ({@code fusebox-forcings-<application>}),
 * one call at a time, never on the thread of the action or of a business call, and with the
 * forcing in force <em>when the call is made</em>: changes in quick succession may reach the store
 * as one call carrying the latest, and the last call for a breaker always carries its forcing in
 * memory. At shutdown the calls still due are made before the container ends. Supply one as a CDI
 * bean of this type; without one nothing is kept ({@link #NONE}). An exception it throws is logged
 * and the breaker is written again with the next change or at shutdown; the action is not undone.
 * <p>Thread-safety: implementations need none of their own for these calls ({@link #load} on the
 * deploying thread before the writer starts, {@link #changed} on the writer thread only).
 */
public interface ForcedStateStore {

    /**
     * The forcing of {@code breaker} ({@code <bean class>#<method>}) changed.
     *
     * @param forcing the forcing now in force, or null when the breaker is automatic again
     */
    void changed(String breaker, PersistedForcing forcing);

    /** The forcings to put back at start-up, by breaker name. */
    Map<String, PersistedForcing> load();

    /** Keeps nothing and restores nothing. */
    ForcedStateStore NONE = new ForcedStateStore() {
        @Override
        public void changed(String breaker, PersistedForcing forcing) {
        }

        @Override
        public Map<String, PersistedForcing> load() {
            return Map.of();
        }

        @Override
        public String toString() {
            return "no forced-state store";
        }
    };
}
