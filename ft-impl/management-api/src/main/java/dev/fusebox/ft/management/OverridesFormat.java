package dev.fusebox.ft.management;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text format of the overrides file: UTF-8, one {@code key=value} per line, {@code #} comment
 * lines and blank lines, no continuation lines. A line is at most {@value #MAX_LINE} characters
 * and holds no control character but a tab (and no U+2028/U+2029, which display as line breaks):
 * a file that breaks either rule is corrupt, named by its line, like one with a line without
 * {@code =}, and an update that would write such a line is refused. A problem quotes at most
 * {@value #QUOTED} characters of a line, ending an excerpt with a marker of what it left out, so
 * it stays short whatever the file holds. The same rules read the overrides file (config-source),
 * the fleet's overrides node on the instances, and the operators' edits of that node (the fleet
 * client), so what one side writes the other reads the same. Stateless; thread-safe.
 */
public final class OverridesFormat {

    /** The longest line, in characters. */
    public static final int MAX_LINE = 4096;
    /** How much of a line, key or value a problem quotes. */
    public static final int QUOTED = 60;

    public static final String HEADER = String.join("\n",
            "# Fusebox fault-tolerance overrides, read as a MicroProfile ConfigSource.",
            "# Fusebox rewrites this file atomically (temporary file, then rename): a reader never sees half of it.",
            "# Hand edits are picked up while the application runs; comments are not kept when Fusebox rewrites it.",
            "# One key=value per line; lines starting with # are comments.",
            "");

    private OverridesFormat() {
    }

    /** The outcome of reading a file: its entries (unmodifiable), or the first reason it is corrupt. Immutable. */
    public record Parsed(Map<String, String> entries, String problem) {
        public boolean corrupt() {
            return problem != null;
        }
    }

    public static Parsed parse(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more UTF-16 chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return corrupt("line " + lineOfByte(bytes, in.position()) + ": invalid UTF-8 at byte " + in.position());
        }
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }

        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Iterator<String> lines = text.lines().iterator();
        for (int number = 1; lines.hasNext(); number++) {
            String raw = lines.next();
            String unfit = unfitLine(raw);
            if (unfit != null) {
                return corrupt("line " + number + ": " + unfit);
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                return corrupt("line " + number + ": no '=' in '" + excerpt(line, QUOTED) + "'");
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                return corrupt("line " + number + ": empty key in '" + excerpt(line, QUOTED) + "'");
            }
            Integer earlier = firstLine.putIfAbsent(key, number);
            if (earlier != null) {
                return corrupt("line " + number + ": duplicate key '" + excerpt(key, QUOTED) + "' (first on line "
                        + earlier + ")");
            }
            entries.put(key, line.substring(eq + 1).strip());
        }
        return new Parsed(Collections.unmodifiableMap(entries), null);
    }

    /** The file's {@link #HEADER} followed by the entries sorted by key. */
    public static byte[] render(Map<String, String> entries) {
        return render(HEADER, entries);
    }

    /**
     * {@code header} (comment lines, each ending with a line feed, or empty) followed by the
     * entries sorted by key. The caller checked the entries ({@link #unwritable}).
     *
     * @throws IllegalArgumentException when a header line is not a comment
     */
    public static byte[] render(String header, Map<String, String> entries) {
        if (!header.isEmpty() && (!header.endsWith("\n") || header.lines().anyMatch(line -> !line.startsWith("#")))) {
            throw new IllegalArgumentException("an overrides header must be comment lines ending with a line feed");
        }
        StringBuilder text = new StringBuilder(header);
        new TreeMap<>(entries).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why {@code key=value} cannot be written so that it reads back the same, or {@code null} if it can.
     */
    public static String unwritable(String key, String value) {
        if (key == null || key.isBlank()) {
            return "the key is empty";
        }
        if (value == null) {
            return "the value is null (remove the key instead)";
        }
        if (!key.equals(key.strip()) || !value.equals(value.strip())) {
            return "leading or trailing white space would be lost when the file is read back";
        }
        if (key.indexOf('=') >= 0) {
            return "a key cannot contain '='";
        }
        if (key.startsWith("#")) {
            return "a key cannot start with '#' (the line would be a comment)";
        }
        if (hasLineBreak(key) || hasLineBreak(value)) {
            return "keys and values cannot contain line breaks";
        }
        String unfit = unfitLine(key + "=" + value);
        if (unfit != null) {
            return "the line would have " + unfit;
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        if (!encoder.canEncode(key) || !encoder.canEncode(value)) {
            return "not encodable as UTF-8 (unpaired surrogate)";
        }
        return null;
    }

    /**
     * Why {@code line} cannot be taken (too long, or a control character; {@code null} if it can).
     * Checks the length first, so a huge line costs one comparison.
     */
    private static String unfitLine(String line) {
        if (line.length() > MAX_LINE) {
            return line.length() + " characters, more than the limit of " + MAX_LINE;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int type = Character.getType(c);
            if (c != '\t' && (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR)) {
                return String.format(java.util.Locale.ROOT, "the control character U+%04X at column %d", (int) c, i + 1);
            }
        }
        return null;
    }

    /**
     * At most {@code max} characters of {@code text}; a longer text is cut and ends with a marker
     * saying how many characters were left out. Null stays null.
     */
    public static String excerpt(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... [" + (text.length() - max) + " more characters]";
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static Parsed corrupt(String problem) {
        return new Parsed(Map.of(), problem);
    }

    private static int lineOfByte(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
