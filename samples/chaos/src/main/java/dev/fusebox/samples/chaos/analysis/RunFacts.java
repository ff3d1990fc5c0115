package dev.fusebox.samples.chaos.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run observed, on its time line (milliseconds since the recorded load began). Immutable.
 *
 * @param seconds the recorded seconds, from second 0, consecutive
 * @param faultStartMillis when the first fault step was applied; empty if none was
 * @param faultEndMillis when the last applied fault was taken back; empty if none was applied
 * @param transitions the watched breaker's changes of state, in order
 * @param notSteady why the steady-state check refused to start the faults; empty if it passed
 * @param aborted why an abort rule (or an interruption) stopped the run; empty if it ran to its end
 */
public record RunFacts(List<SecondStats> seconds, OptionalLong faultStartMillis, OptionalLong faultEndMillis,
                       List<BreakerTransition> transitions, Optional<String> notSteady, Optional<String> aborted) {

    public RunFacts {
        seconds = List.copyOf(seconds);
        transitions = List.copyOf(transitions);
        for (int i = 0; i < seconds.size(); i++) {
            if (seconds.get(i).second() != i) {
                throw new IllegalArgumentException("seconds must run from 0 without gaps; found "
                        + seconds.get(i).second() + " at index " + i);
            }
        }
    }
}
