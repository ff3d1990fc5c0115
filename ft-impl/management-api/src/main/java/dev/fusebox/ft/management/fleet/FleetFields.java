package dev.fusebox.ft.management.fleet;

/**
 * The checks every fleet record makes of its fields, with the same bounds as an operator action
 * over JMX: an operator name of 1 to {@value #MAX_OPERATOR} letters, digits or {@code ._@:$+-/},
 * a reason of at most {@value #MAX_REASON} characters, an action id of 1 to {@value #MAX_ACTION_ID}
 * letters, digits or {@code -}; names, ids and targets not empty; instants not negative: what a
 * record accepts, it writes and reads back the same.
 * Thread-safety: stateless.
 */
final class FleetFields {

    static final int MAX_OPERATOR = 128;
    static final int MAX_REASON = 500;
    static final int MAX_ACTION_ID = 64;
    private static final String OPERATOR_PUNCTUATION = "._@:$+-/";

    private FleetFields() {
    }

    static void actionId(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > MAX_ACTION_ID) {
            throw new IllegalArgumentException(what + " needs an action id of 1 to " + MAX_ACTION_ID + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '-') {
                throw new IllegalArgumentException(what + ": the action id '" + FleetText.excerpt(id)
                        + "' may hold only ASCII letters, digits and '-'");
            }
        }
    }

    static void operator(String by, String what) {
        if (by == null || by.isEmpty() || by.length() > MAX_OPERATOR) {
            throw new IllegalArgumentException(what + " needs an operator name of 1 to " + MAX_OPERATOR
                    + " characters");
        }
        for (int i = 0; i < by.length(); i++) {
            char c = by.charAt(i);
            if (!Character.isLetterOrDigit(c) && OPERATOR_PUNCTUATION.indexOf(c) < 0) {
                throw new IllegalArgumentException(what + ": the operator name '" + FleetText.excerpt(by)
                        + "' may hold only letters, digits and " + OPERATOR_PUNCTUATION);
            }
        }
    }

    static void reason(String reason, String what) {
        if (reason == null) {
            throw new IllegalArgumentException(what + " needs a reason (it may be empty)");
        }
        FleetText.bounded(reason, MAX_REASON, "the reason", what);
        FleetText.noControl(reason, what + ", the reason");
    }

    /** A text that must not be empty: a name, an id or a target (a parse needs it there). */
    static void name(String value, int max, String field, String what) {
        text(value, max, field, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " needs " + field + " (it is empty)");
        }
    }

    /** Milliseconds since the epoch, as a parse reads them back: not negative. */
    static void instant(long millis, String field, String what) {
        if (millis < 0) {
            throw new IllegalArgumentException(what + ": " + field + " must be milliseconds since the epoch, but is "
                    + millis);
        }
    }

    static void text(String value, int max, String field, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " has no " + field);
        }
        FleetText.bounded(value, max, field, what);
        FleetText.noControl(value, what + ", " + field);
    }
}
