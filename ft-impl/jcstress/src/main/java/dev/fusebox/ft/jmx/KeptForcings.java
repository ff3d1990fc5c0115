package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.core.circuitbreaker.Transition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One breaker, an in-memory {@link ForcedStateStore} (the overrides file stands in as a map), and
 * the {@link ForcedStateWriter} that keeps the store equal to the breaker, its drains running on the
 * thread that marks (so the actors themselves race as writers). The breaker's listener marks a
 * forcing that ran out, as management's does. Time is virtual.
 */
class KeptForcings {

    static final String NAME = "Payments#charge";
    static final String AUTOMATIC = "automatic";

    final AtomicLong now = new AtomicLong(1_000);
    final Map<String, PersistedForcing> store = new ConcurrentHashMap<>();
    final CircuitBreaker breaker = new CircuitBreaker(NAME, new CircuitBreakerPolicy(4, 0.5, 1_000, 1), now::get,
            CircuitBreakerListener.NONE);
    final ForcedStateWriter writer = new ForcedStateWriter(new ForcedStateStore() {
        @Override
        public void changed(String breaker, PersistedForcing forcing) {
            if (forcing == null) {
                store.remove(breaker);
            } else {
                store.put(breaker, forcing);
            }
        }

        @Override
        public Map<String, PersistedForcing> load() {
            return Map.copyOf(store);
        }
    }, name -> forcing(breaker.forced()), Runnable::run);

    KeptForcings() {
        breaker.listen(new CircuitBreakerListener() {
            @Override
            public void onStateChange(CircuitBreaker b, CircuitState from, CircuitState to) {
            }

            @Override
            public void onTransition(CircuitBreaker b, Transition transition) {
                if (transition.kind() == Transition.Kind.EXPIRED) {
                    writer.changed(NAME);
                }
            }
        });
    }

    /** Forces the breaker by {@code by} and marks it, as {@code OperatorActions.force} does. */
    void force(CircuitState state, String by, long untilNanos) {
        breaker.force(state, by, "drill", untilNanos);
        writer.changed(NAME);
    }

    /** Releases and marks when there was something to release, as {@code OperatorActions.release} does. */
    void release(String by) {
        if (breaker.release(by) != null) {
            writer.changed(NAME);
        }
    }

    void reset(String by) {
        breaker.reset(by, "drill");
        writer.changed(NAME);
    }

    /** Who forces the breaker in memory, or {@value #AUTOMATIC}. Reading it may let a forcing that ran out go. */
    String inMemory() {
        Forced forced = breaker.forced();
        return forced == null ? AUTOMATIC : forced.by();
    }

    /** Who forces the breaker according to the store, or {@value #AUTOMATIC}. */
    String inStore() {
        PersistedForcing kept = store.get(NAME);
        return kept == null ? AUTOMATIC : kept.by();
    }

    private static PersistedForcing forcing(Forced forced) {
        return forced == null ? null : new PersistedForcing(forced.state().name(), forced.by(), forced.reason(),
                forced.sinceNanos(), forced.untilNanos() == Forced.NEVER ? 0 : forced.untilNanos());
    }
}
