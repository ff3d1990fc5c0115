package dev.fusebox.ft.configsource;

import java.util.Map;

/**
 * The overrides file's text format for other stores of the same entries (the fleet's overrides
 * node in ZooKeeper): read with exactly the file's rules ({@link OverridesFormat}: UTF-8, one
 * {@code key=value} per line, {@code #} comments, bounded lines, no control characters, no
 * duplicate keys) and written the way the file is. Stateless; thread-safe.
 */
public final class OverridesText {

    private OverridesText() {
    }

    /**
     * The entries of {@code bytes}, in order (unmodifiable).
     *
     * @throws IllegalArgumentException naming the first line that breaks a rule
     */
    public static Map<String, String> parse(byte[] bytes) {
        OverridesFormat.Parsed parsed = OverridesFormat.parse(bytes);
        if (parsed.corrupt()) {
            throw new IllegalArgumentException(parsed.problem());
        }
        return parsed.entries();
    }

    /** The text of {@code entries} as the file writes it: a comment header, then the entries sorted by key. */
    public static byte[] render(Map<String, String> entries) {
        return OverridesFormat.render(entries);
    }
}
