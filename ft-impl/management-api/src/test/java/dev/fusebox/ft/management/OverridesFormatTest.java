package dev.fusebox.ft.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OverridesFormatTest {

    private static OverridesFormat.Parsed parse(String text) {
        return OverridesFormat.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCommentsBlankLinesTrimmedEntriesAndValuesContainingEquals() {
        OverridesFormat.Parsed parsed = parse("# a comment\n\n  a/b/Retry/maxRetries = 3 \r\n"
                + "   # indented comment\nkey=x=y\nempty=\n");
        assertThat(parsed.corrupt()).isFalse();
        assertThat(parsed.entries()).containsExactly(
                Map.entry("a/b/Retry/maxRetries", "3"), Map.entry("key", "x=y"), Map.entry("empty", ""));
    }

    @Test
    void namesTheLineOfEachKindOfCorruption() {
        assertThat(parse("a=1\n# c\n\nfailureRatio 0.3\n").problem())
                .isEqualTo("line 4: no '=' in 'failureRatio 0.3'");
        assertThat(parse("a=1\n = 2\n").problem()).isEqualTo("line 2: empty key in '= 2'");
        assertThat(parse("a=1\nb=2\na = 3\n").problem()).isEqualTo("line 3: duplicate key 'a' (first on line 1)");
        byte[] latin1 = "a=1\nb=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(OverridesFormat.parse(latin1).problem()).startsWith("line 2: invalid UTF-8");
    }

    @Test
    void writesTheHeaderThenEntriesSortedByKeyAndReadsThemBack() {
        Map<String, String> entries = Map.of("z", "1", "a", "x=y", "m/CircuitBreaker/failureRatio", "0.3");
        String text = new String(OverridesFormat.render(entries), StandardCharsets.UTF_8);
        assertThat(text).startsWith(OverridesFormat.HEADER)
                .endsWith("a=x=y\nm/CircuitBreaker/failureRatio=0.3\nz=1\n");
        assertThat(text).contains("atomically").contains("Hand edits are picked up");
        assertThat(OverridesFormat.parse(OverridesFormat.render(entries)).entries()).isEqualTo(entries);
    }

    @Test
    void refusesEntriesThatWouldNotReadBackTheSame() {
        assertThat(OverridesFormat.unwritable("a", "1")).isNull();
        assertThat(OverridesFormat.unwritable(" ", "1")).contains("empty");
        assertThat(OverridesFormat.unwritable("a=b", "1")).contains("'='");
        assertThat(OverridesFormat.unwritable("#a", "1")).contains("comment");
        assertThat(OverridesFormat.unwritable("a", "1\nb=2")).contains("line breaks");
        assertThat(OverridesFormat.unwritable("a", " 1")).contains("white space");
        assertThat(OverridesFormat.unwritable("a", null)).contains("null");
    }
}
