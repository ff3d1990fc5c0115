package dev.fusebox.console.operator;

import dev.fusebox.console.feed.FleetRates;
import java.util.function.Consumer;

/**
 * Where the fleet screen gets call and rejection rates per method across instances: a Prometheus
 * server that scrapes them, asked again and again at the console's cadence. Served by the
 * connection layer ({@code PrometheusRateSource}); called by the fleet screen's view-model.
 *
 * <p>Thread-safety: implementations are thread-safe and return at once; the asking runs on their own
 * thread, and readings are delivered there, never on the caller's thread.
 */
public interface FleetRateSource {

    /**
     * Starts asking the Prometheus at {@code prometheus} (a base address as
     * {@link EnsembleProfile#prometheusProblem} accepts it), replacing whatever was followed before;
     * every reading, a failed one included (it says why), goes to {@code readings}.
     */
    void follow(String prometheus, Consumer<FleetRates> readings);

    /** Stops asking; its thread ends. At most one reading already under way may still arrive. */
    void stop();
}
