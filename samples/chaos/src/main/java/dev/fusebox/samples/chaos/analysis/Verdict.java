package dev.fusebox.samples.chaos.analysis;

/** How an experiment ended, as far as its hypothesis goes. */
public enum Verdict {
    /** Every claim held. */
    HELD,
    /** At least one claim did not hold. */
    REFUTED,
    /** The seconds before the fault were not steady: no fault was applied, nothing was tested. */
    NOT_STEADY,
    /** An abort rule (or an interruption) stopped the run; the faults were healed. */
    ABORTED
}
