package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.metrics.ShadowMode;
import dev.fusebox.ft.core.time.Ticker;

/**
 * The automatic state machine as calls drive it: admits a call against the current phase, and
 * records its outcome into the stay it was admitted in, making the transitions that outcome or the
 * passing of the delay call for (see {@link CircuitState} for the table).
 *
 * <p>Implementation notes. A call is admitted against a phase and its outcome is recorded into
 * that same stay: outcomes of calls admitted before a transition never leak into the next phase.
 * Linearization points: admission in CLOSED is the read of the phase; in HALF_OPEN the CAS on the
 * stay's {@link HalfOpenTrials}; OPEN to HALF_OPEN is the phase CAS; a record in CLOSED is the
 * window's own (see {@link RollingWindow}), and the circuit opens when that record's answer is yes:
 * the window is linearizable, so every opening is the decision of one order of the records. A
 * record whose window was replaced by a new window size after it was counted still opens the stay
 * (same {@code seq}). A half-open stay ends with its first failed trial (to OPEN) or when its
 * successes reach the success threshold in force (to CLOSED). A forced phase carries its
 * {@link Forced} and the automatic transitions leave it alone (they are decided only on phases
 * without one); a call that finds a forcing run out lets it go first. Every transition is a CAS of
 * {@link CurrentPhase}, so of several callers that decide the same one exactly one wins.
 *
 * <p>Shadow mode. A call the state machine refuses (open within its delay, or half-open with every
 * trial permit taken) asks the breaker's {@link ShadowMode} once; in shadow mode it is counted and
 * admitted as {@link Phase#SHADOWED}, which takes nothing (no trial permit, no window slot) and
 * whose outcome {@link #record} ignores, so the phases, the transitions and the refusals are those
 * of an enforcing breaker given the same calls: an enforcing breaker records nothing for a call it
 * rejects either. The refusal is decided on one phase read, and only refusals read the switch, so
 * admitted calls cost what they did. An operator's forcing open is NOT shadowed: a call refused by
 * an unexpired forcing is refused in shadow mode too (an operator who forces a circuit open must be
 * able to stop traffic), and is not counted as a would-be rejection.
 * Thread-safe; holds no state of its own beyond the phase and the switch it is given.
 */
final class CallAdmission {

    private final CurrentPhase phase;
    private final Ticker ticker;
    private final ShadowMode shadow;

    CallAdmission(CurrentPhase phase, Ticker ticker, ShadowMode shadow) {
        this.phase = phase;
        this.ticker = ticker;
        this.shadow = shadow;
    }

    /**
     * Admits a call (returns the phase it is admitted in), lets a refused call run in shadow mode
     * (returns {@link Phase#SHADOWED}, counted), or returns {@code null} when the circuit rejects it.
     */
    Phase tryAcquire() {
        while (true) {
            Phase current = phase.get();
            switch (current.state) {
                case CLOSED:
                    if (current.forced != null && current.forced.expiredAt(ticker.nanoTime())) {
                        phase.expire(current);
                        continue;
                    }
                    return current;
                case HALF_OPEN:
                    return current.trials.tryAdmit(phase.policy().successThreshold()) ? current : refused();
                default:
                    if (current.forced != null) {
                        if (!current.forced.expiredAt(ticker.nanoTime())) {
                            return null; // an operator's forcing: enforced in shadow mode too
                        }
                        phase.expire(current);
                        continue;
                    }
                    long open = ticker.nanoTime() - current.enteredAt;
                    if (open < phase.policy().delayNanos()) {
                        return refused();
                    }
                    phase.moveTo(current, CircuitState.HALF_OPEN, null);
                    // loop: whoever won the CAS, the phase is half-open (or later) now
            }
        }
    }

    /** A refusal of the state machine: let through in shadow mode, otherwise a rejection. */
    private Phase refused() {
        return shadow.letsThrough() ? Phase.SHADOWED : null;
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}, {@code thrown} being what it
     * threw or null; true when this outcome opened the circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure, Throwable thrown) {
        switch (admittedIn.state) {
            case CLOSED:
                return admittedIn.window.record(failure) && admittedIn.forced == null && open(admittedIn, thrown);
            case HALF_OPEN:
                if (failure) {
                    return phase.moveTo(admittedIn, CircuitState.OPEN, thrown);
                }
                if (admittedIn.trials.succeed() >= phase.policy().successThreshold()) {
                    phase.moveTo(admittedIn, CircuitState.CLOSED, null);
                }
                return false;
            default:
                // calls are admitted while open only when forced closed (a CLOSED phase); an OPEN phase
                // here is Phase.SHADOWED, a call shadow mode let through: its outcome is not recorded
                return false;
        }
    }

    /** Opens the closed stay {@code decidedIn}, also when its window was replaced since (same seq). */
    private boolean open(Phase decidedIn, Throwable thrown) {
        Phase current = decidedIn;
        while (current.seq == decidedIn.seq) {
            if (phase.moveTo(current, CircuitState.OPEN, thrown)) {
                return true;
            }
            current = phase.get();
        }
        return false;
    }
}
