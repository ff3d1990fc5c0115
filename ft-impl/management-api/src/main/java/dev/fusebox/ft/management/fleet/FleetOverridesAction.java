package dev.fusebox.ft.management.fleet;

import java.nio.charset.StandardCharsets;

/**
 * Which operator action wrote the fleet's overrides node ({@code <root>/apps/<app>/overrides}):
 * the node is the overrides file's text, and an operator's change starts it with one comment line
 * {@code # fleet action <action id> by <operator>} ({@link #header}). The overrides format reads
 * comment lines as nothing, so the entries are unchanged by it; an instance reads the line
 * ({@link #of}) to answer the action whose text it applied, exactly that one, even when several
 * changes follow each other faster than it sees them. A node written by hand has no such line and
 * is applied without an answer.
 * Thread-safety: immutable.
 *
 * @param actionId the action's id (also in its audit entry)
 * @param by       the operator
 */
public record FleetOverridesAction(String actionId, String by) {

    private static final String PREFIX = "# fleet action ";
    private static final String BY = " by ";

    public FleetOverridesAction {
        FleetFields.actionId(actionId, "a fleet overrides change");
        FleetFields.operator(by, "a fleet overrides change");
    }

    /** The comment line that starts the node's text, with its line feed. */
    public String header() {
        return PREFIX + actionId + BY + by + "\n";
    }

    /**
     * The action named by the first line of {@code data}, or null when the first line is not such
     * a comment (a hand-written node, or none). Reads at most the first line's bytes.
     */
    public static FleetOverridesAction of(byte[] data) {
        if (data == null) {
            return null;
        }
        int end = 0;
        int limit = Math.min(data.length, PREFIX.length() + FleetFields.MAX_ACTION_ID + BY.length()
                + 4 * FleetFields.MAX_OPERATOR);
        while (end < limit && data[end] != '\n') {
            end++;
        }
        String line = new String(data, 0, end, StandardCharsets.UTF_8);
        int by = line.indexOf(BY, PREFIX.length());
        if (!line.startsWith(PREFIX) || by < 0) {
            return null;
        }
        try {
            return new FleetOverridesAction(line.substring(PREFIX.length(), by), line.substring(by + BY.length()));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
