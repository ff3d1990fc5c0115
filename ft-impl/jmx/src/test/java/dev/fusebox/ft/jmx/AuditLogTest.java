package dev.fusebox.ft.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    /** A hand-edited or refused text cannot forge a second log line or send terminal escapes. */
    @Test
    void everyControlCharacterIsEscapedSoAnEntryIsOneLine() {
        AuditLog log = new AuditLog("shop");
        String line = log.line(new AuditEntry(0, "alice", "configure", "x#y", "INC\r\n1", null, null, false,
                "bad\u001b[2J\u0000 value\u2028next"));

        assertThat(line).doesNotContain("\r", "\n", "\u001b", "\u0000", "\u2028")
                .contains("reason=\"INC\\u000d\\n1\"", "detail=\"bad\\u001b[2J\\u0000 value\\u2028next\"");
    }
}
