package dev.fusebox.ft.jmx;

import java.util.Map;

/**
 * Keeps operators' forcings across restarts. Told after every change that took effect (force,
 * release, reset, a forcing running out); read once at start-up, before the first call, when the
 * forcings it returns are put back (expired ones skipped). Supply one as a CDI bean of this type;
 * without one nothing is kept ({@link #NONE}). Implementations must be thread-safe; an exception
 * they throw is logged and does not undo the action.
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
