package dev.fusebox.samples.chaos.model;

import java.util.List;

/**
 * One chaos experiment, as read from its file by {@link ExperimentParser}: what is claimed, under
 * which load, which seconds must be steady before any fault, the fault schedule, when to give up,
 * and which circuit breaker's opening marks the fault as detected. Times are whole seconds since
 * the recorded load began (after the warm-up). Immutable.
 *
 * @param name a short name, {@code [a-z0-9-]}, used for the report's directory
 * @param hypothesis the claim in words
 * @param load the load
 * @param steadySeconds the first seconds of the recorded load, all of which must keep to
 *                      {@code steady} before the first fault is applied
 * @param steady the steady-state limits, also the measure of recovery
 * @param faults the fault schedule, by start
 * @param aborts the abort rules, possibly none
 * @param detectBreaker the breaker whose opening marks detection: {@code <bean class>#<method>}
 * @param expect the claims that are checked
 */
public record Experiment(String name, String hypothesis, Load load, int steadySeconds, Thresholds steady,
                         List<FaultStep> faults, List<AbortRule> aborts, String detectBreaker, Expectations expect) {

    public Experiment {
        faults = List.copyOf(faults);
        aborts = List.copyOf(aborts);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one fault step");
        }
    }

    /** The second the first fault step starts: the fault window's start. */
    public int faultStartSecond() {
        return faults.stream().mapToInt(FaultStep::atSecond).min().orElseThrow();
    }

    /** The second after the last fault step ends: the fault window's end. */
    public int faultEndSecond() {
        return faults.stream().mapToInt(FaultStep::endSecond).max().orElseThrow();
    }

    /** The dependencies the schedule touches, in order of first appearance. */
    public List<String> dependencies() {
        return faults.stream().map(FaultStep::dependency).distinct().toList();
    }
}
