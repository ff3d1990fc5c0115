package dev.fusebox.console.operator;

/**
 * The operator actions on circuit breakers.
 *
 * <p>Thread-safety: an enum without mutable state; safe on any thread.
 */
public enum Action {
    FORCE_OPEN("Force open", "forceOpen", true),
    FORCE_CLOSED("Force closed", "forceClosed", true),
    RELEASE("Release", "release", false),
    RESET("Reset", "reset", false);

    private final String label;
    private final String operation;
    private final boolean forcing;

    Action(String label, String operation, boolean forcing) {
        this.label = label;
        this.operation = operation;
        this.forcing = forcing;
    }

    /** As on a button. */
    public String label() {
        return label;
    }

    /** The MXBean operation's name. */
    public String operation() {
        return operation;
    }

    /** Force open/closed take a reason and an expiry; release and reset take neither. */
    public boolean takesReason() {
        return forcing;
    }
}
