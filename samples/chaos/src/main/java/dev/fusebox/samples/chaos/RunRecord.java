package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import dev.fusebox.samples.chaos.analysis.RunFacts;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of an experiment produced, for the analysis and the report. Immutable.
 *
 * @param experiment what was run
 * @param facts the measurements
 * @param applied the fault steps that were applied, with when
 * @param otherBreakers the transitions of the shop's other breakers during the run, by breaker
 * @param statusesAtEnd what each injector injected after the final heal (all {@code healthy} when it worked)
 * @param healFailures injectors the final heal could not reach, with why; empty when all were healed
 */
record RunRecord(Experiment experiment, RunFacts facts, List<AppliedStep> applied,
                 Map<String, List<BreakerTransition>> otherBreakers, Map<String, String> statusesAtEnd,
                 List<String> healFailures) {

    RunRecord {
        applied = List.copyOf(applied);
        otherBreakers = Map.copyOf(otherBreakers);
        statusesAtEnd = Map.copyOf(statusesAtEnd);
        healFailures = List.copyOf(healFailures);
    }

    /**
     * One applied fault step.
     *
     * @param step the step
     * @param appliedMillis when it was applied, on the run's time line
     * @param revertedMillis when it was taken back, or -1 if only the final heal took it back
     * @param injectorStatus the injector's status just after it was applied, e.g. {@code OUTAGE}
     */
    record AppliedStep(FaultStep step, long appliedMillis, long revertedMillis, String injectorStatus) {
    }
}
