package dev.fusebox.ft.configsource;

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
 * lines and blank lines, no continuation lines. Stateless; thread-safe.
 */
final class OverridesFormat {

    static final String HEADER = String.join("\n",
            "# Fusebox fault-tolerance overrides, read as a MicroProfile ConfigSource.",
            "# Fusebox rewrites this file atomically (temporary file, then rename): a reader never sees half of it.",
            "# Hand edits are picked up while the application runs; comments are not kept when Fusebox rewrites it.",
            "# One key=value per line; lines starting with # are comments.",
            "");

    private OverridesFormat() {
    }

    /** The outcome of reading a file: its entries, or the first reason it is corrupt. */
    record Parsed(Map<String, String> entries, String problem) {
        boolean corrupt() {
            return problem != null;
        }
    }

    static Parsed parse(byte[] bytes) {
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
            String line = lines.next().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                return corrupt("line " + number + ": no '=' in '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                return corrupt("line " + number + ": empty key in '" + line + "'");
            }
            Integer earlier = firstLine.putIfAbsent(key, number);
            if (earlier != null) {
                return corrupt("line " + number + ": duplicate key '" + key + "' (first on line " + earlier + ")");
            }
            entries.put(key, line.substring(eq + 1).strip());
        }
        return new Parsed(Collections.unmodifiableMap(entries), null);
    }

    /** The header followed by the entries sorted by key. */
    static byte[] render(Map<String, String> entries) {
        StringBuilder text = new StringBuilder(HEADER);
        new TreeMap<>(entries).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why {@code key=value} cannot be written so that it reads back the same, or {@code null} if it can.
     */
    static String unwritable(String key, String value) {
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
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        if (!encoder.canEncode(key) || !encoder.canEncode(value)) {
            return "not encodable as UTF-8 (unpaired surrogate)";
        }
        return null;
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
