package dev.fusebox.ft.jmx;

/**
 * The checks of what an operator action carries before it reaches an engine, the overrides file or
 * the audit: the operator's name (kept as a forcing's {@code by}), the reason, and a parameter's
 * value. Each is bounded in length and refused with a short message that quotes at most an excerpt
 * of the input, so a megabyte sent over JMX never becomes a megabyte of audit. Stateless.
 */
final class OperatorInput {

    /** The longest operator name ({@code by}); a login, {@code local}, {@code code:<class>}. */
    static final int MAX_NAME = 128;
    /** The longest reason. */
    static final int MAX_REASON = 500;
    /** The longest parameter value (a number, a unit). */
    static final int MAX_VALUE = 64;
    /** How much of a refused input a message quotes. */
    static final int QUOTED = 40;

    private static final String NAME_PUNCTUATION = "._@:$+-/";

    private OperatorInput() {
    }

    /**
     * {@code name} if it can be recorded and written back as a forcing's {@code by}: 1 to
     * {@value #MAX_NAME} letters, digits or {@code . _ @ : $ + - /} (no spaces, no {@code |}, which
     * separates a kept forcing's fields, no control characters).
     */
    static String name(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an operator name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("the operator name '" + excerpt(name, QUOTED) + "' is "
                    + name.length() + " characters; it may be at most " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && NAME_PUNCTUATION.indexOf(c) < 0) {
                throw new IllegalArgumentException("the operator name '" + excerpt(name, QUOTED) + "' has "
                        + describe(c) + " at position " + (i + 1) + "; an operator name is letters, digits and "
                        + NAME_PUNCTUATION.replace("", " ").trim());
            }
        }
        return name;
    }

    /** The trimmed reason for {@code action} on {@code target}; required, at most {@value #MAX_REASON} characters. */
    static String reason(String reason, String action, String target) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to " + action + " " + excerpt(target, 200)
                    + "; say why, e.g. the incident or ticket");
        }
        return optionalReason(reason);
    }

    /** The trimmed reason, which may be empty; at most {@value #MAX_REASON} characters, no control characters. */
    static String optionalReason(String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is " + trimmed.length() + " characters; it may be at most "
                    + MAX_REASON + " characters ('" + excerpt(trimmed, QUOTED) + "')");
        }
        noControl(trimmed, "the reason");
        return trimmed;
    }

    /** The trimmed value of {@code what}; required, at most {@value #MAX_VALUE} characters. */
    static String value(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a value for " + what + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_VALUE) {
            throw new IllegalArgumentException("the value for " + what + " is " + trimmed.length()
                    + " characters; it may be at most " + MAX_VALUE + " characters ('" + excerpt(trimmed, QUOTED) + "')");
        }
        noControl(trimmed, "the value for " + what);
        return trimmed;
    }

    /**
     * At most {@code max} characters of {@code text}: longer text is cut and ends with a marker
     * saying how many characters were left out. Null stays null.
     */
    static String excerpt(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... [" + (text.length() - max) + " more characters]";
    }

    private static void noControl(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                throw new IllegalArgumentException(what + " has " + describe(c) + " at position " + (i + 1)
                        + "; line breaks and other control characters cannot be kept");
            }
        }
    }

    static boolean isControl(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String describe(char c) {
        return isControl(c) || Character.isWhitespace(c)
                ? String.format(java.util.Locale.ROOT, "the %s character U+%04X", isControl(c) ? "control" : "space",
                        (int) c)
                : "'" + c + "'";
    }
}
