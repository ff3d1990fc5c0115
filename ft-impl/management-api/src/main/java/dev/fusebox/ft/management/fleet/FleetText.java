package dev.fusebox.ft.management.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The text every fleet node holds: UTF-8, one {@code key=value} per line, keys unique, no control
 * characters but the line feed that ends each line. Decoding is strict and bounded: a node larger
 * than the caller's limit is refused before it is decoded, and every refusal says what and where
 * (e.g. {@code line 3 of the forcing: no '=' in 'OPEN'}), quoting at most an excerpt. A node that
 * another program wrote (a hand-made {@code zkCli} edit, an attacker with write access) is
 * therefore refused whole or taken whole, never half.
 * Thread-safety: stateless.
 */
public final class FleetText {

    /** The longest line (key, {@code =}, value). */
    public static final int MAX_LINE = 4096;
    /** How much of a refused input a message quotes. */
    static final int QUOTED = 40;

    private FleetText() {
    }

    /** The node text of {@code fields}, in their order; refuses what would not decode back the same. */
    public static byte[] encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.startsWith("#")) {
                throw new IllegalArgumentException("'" + excerpt(key) + "' cannot be a fleet field's name");
            }
            noControl(key, "the field name '" + excerpt(key) + "'");
            noControl(value, "the value of " + key);
            if (key.length() + 1 + value.length() > MAX_LINE) {
                throw new IllegalArgumentException("the field " + excerpt(key) + " is longer than " + MAX_LINE
                        + " characters");
            }
            text.append(key).append('=').append(value).append('\n');
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The fields of a node's data.
     *
     * @param data     the node's bytes (null or empty: no fields)
     * @param maxBytes the largest node taken
     * @param what     what the node is, for messages (e.g. "the forcing of a.B#m")
     * @throws IllegalArgumentException when the data is too large, not UTF-8, has a line without
     *                                  {@code =}, a repeated key or a control character
     */
    public static Map<String, String> decode(byte[] data, int maxBytes, String what) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (data == null || data.length == 0) {
            return fields;
        }
        if (data.length > maxBytes) {
            throw new IllegalArgumentException(what + " is " + data.length + " bytes, more than the limit of "
                    + maxBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException(what + " is not valid UTF-8 text");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1) + " of " + what;
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException(where + " is " + line.length() + " characters, more than "
                        + MAX_LINE);
            }
            noControl(line, where);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": no field name before '=' in '" + excerpt(line) + "'");
            }
            String key = line.substring(0, eq);
            if (fields.putIfAbsent(key, line.substring(eq + 1)) != null) {
                throw new IllegalArgumentException(where + ": the field " + excerpt(key) + " appears twice");
            }
        }
        return fields;
    }

    /** The node text of fields given as {@code key, value, key, value, ...}, in that order. */
    static byte[] encode(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in pairs of name and value");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return encode(fields);
    }

    /** Decodes a node ({@link #decode}) for a record to read its fields from. */
    static Fields read(byte[] data, int maxBytes, String what) {
        return new Fields(decode(data, maxBytes, what), what);
    }

    /** A decoded node's fields, read into a record; every refusal's message starts with what the node is. */
    static final class Fields {
        private final Map<String, String> fields;
        private final String what;

        private Fields(Map<String, String> fields, String what) {
            this.fields = fields;
            this.what = what;
        }

        String required(String key) {
            return FleetText.required(fields, key, what);
        }

        /** The field, or empty when absent. */
        String optional(String key) {
            return fields.getOrDefault(key, "");
        }

        long millis(String key) {
            return FleetText.millis(fields, key, what);
        }

        Map<String, String> all() {
            return fields;
        }

        String what() {
            return what;
        }

        <T> T record(Supplier<T> make) {
            return FleetText.record(what, make);
        }
    }

    /** Builds a record from a node's fields; a refusal's message starts with what the node is. */
    static <T> T record(String what, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException invalid) {
            throw invalid.getMessage() != null && invalid.getMessage().startsWith(what) ? invalid
                    : new IllegalArgumentException(what + ": " + invalid.getMessage());
        }
    }

    /** The value of a field that must be there. */
    static String required(Map<String, String> fields, String key, String what) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " has no " + key);
        }
        return value;
    }

    /** A millisecond instant field; absent or empty reads as 0. */
    static long millis(Map<String, String> fields, String key, String what) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException notMillis) {
            throw new IllegalArgumentException(what + ": " + key + " must be milliseconds since the epoch, but is '"
                    + excerpt(value) + "'");
        }
    }

    /** {@code value} when it has at most {@code max} characters. */
    static String bounded(String value, int max, String field, String what) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + ": " + field + " is " + value.length()
                    + " characters; it may be at most " + max);
        }
        return value;
    }

    /**
     * Refuses control characters but the tab, U+2028/U+2029 (they display as line breaks), and
     * unpaired surrogates (UTF-8 cannot encode them: the text would not read back the same).
     */
    static void noControl(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.getType(c) == Character.CONTROL && c != '\t') || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(where + ": the control character " + String.format("U+%04X", (int) c)
                        + " at column " + (i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(where + ": the unpaired surrogate " + String.format("U+%04X", (int) c)
                        + " at column " + (i + 1));
            }
        }
    }

    static String excerpt(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
    }
}
