package dev.fusebox.console.viewmodel;

import dev.fusebox.samples.chaos.model.FaultStep;

/**
 * One row of the game day's schedule: which dependency, what fault, from when to when (seconds after
 * Start), and where it stands. Immutable: a change of state replaces the row.
 *
 * @param step  the experiment's step
 * @param state {@code planned}, {@code switching on}, {@code ON}, {@code taken back}, {@code FAILED: ...},
 *              {@code not run}
 */
public record GameDayStep(FaultStep step, String state) {

    public String dependency() {
        return step.dependency();
    }

    /** {@code outage}, {@code errors 50%}, {@code latency 450 ms}. */
    public String fault() {
        return step.describe().substring(step.dependency().length() + 1);
    }

    public String from() {
        return "+" + step.atSecond() + " s";
    }

    public String to() {
        return "+" + step.endSecond() + " s";
    }

    GameDayStep in(String newState) {
        return new GameDayStep(step, newState);
    }
}
