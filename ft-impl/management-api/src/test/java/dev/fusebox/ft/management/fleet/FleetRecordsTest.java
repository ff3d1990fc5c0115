package dev.fusebox.ft.management.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.fleet.FleetMember.BreakerState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The fleet's node records: what they write they read back the same; what they refuse, they refuse whole, saying what and where. */
class FleetRecordsTest {

    private static final String ID = "6f1c1f0e-5a4b-4c1d-9e2f-0123456789ab";

    @Test
    void everyRecordReadsBackWhatItWrites() {
        FleetForcing forcing = new FleetForcing(ID, "OPEN", "alice@ops", "db down = bad\ttab", 1, 2);
        FleetReset reset = new FleetReset(ID, "bob", "", 3);
        FleetAck ack = new FleetAck("host:1:2", false, "no breaker a.B#m", 4);
        FleetAuditEntry entry = new FleetAuditEntry(ID, FleetAuditEntry.CONFIGURE, "a/b/Retry/maxRetries", "alice",
                "", 5, 0, "a/b/Retry/maxRetries=3");
        FleetMember member = new FleetMember("payments", "host:1:2", "host", "service:jmx:rmi://x", "0.1.0", 6,
                "connected", Map.of("a.B#m", new BreakerState("OPEN", "OPEN", ID), "a.B#n",
                new BreakerState("HALF_OPEN", "", "")));

        assertThat(FleetForcing.parse(forcing.toBytes(), "t")).isEqualTo(forcing);
        assertThat(FleetReset.parse(reset.toBytes(), "t")).isEqualTo(reset);
        assertThat(FleetAck.parse(ack.toBytes(), "n")).isEqualTo(ack);
        assertThat(FleetAuditEntry.parse(entry.toBytes(), "e")).isEqualTo(entry);
        assertThat(FleetMember.parse(member.toBytes(), "n")).isEqualTo(member);
        assertThat(new String(forcing.toBytes(), UTF_8)).isEqualTo("action=" + ID + "\nstate=OPEN\nby=alice@ops\n"
                + "reason=db down = bad\ttab\nsince=1\nuntil=2\n");
    }

    @Test
    void aRecordAtItsLargestReadsBack() {
        String euros = "\u20ac".repeat(FleetLayout.MAX_NAME);
        String longDetail = "\u20ac".repeat(1000);
        assertRoundTrip(() -> new FleetAck(euros, true, longDetail, 0), b -> FleetAck.parse(b, "n"));
        assertRoundTrip(() -> new FleetAuditEntry(ID, FleetAuditEntry.FORCE_OPEN, euros, "\u00e9".repeat(128),
                "\u20ac".repeat(500), 1, 2, longDetail), b -> FleetAuditEntry.parse(b, "e"));
        assertRoundTrip(() -> new FleetForcing(ID, "CLOSED", "\u00e9".repeat(128), "\u20ac".repeat(500), 0, 0),
                b -> FleetForcing.parse(b, "t"));
        assertRoundTrip(() -> new FleetReset(ID, "\u00e9".repeat(128), "\u20ac".repeat(500), 0),
                b -> FleetReset.parse(b, "t"));
    }

    @Test
    void textWithUnpairedSurrogatesIsRefusedOrReadBack() {
        for (String odd : List.of("a\uD800b", "\uDC00", "\uD83D\uDE00")) {
            assertRoundTrip(() -> new FleetAck("i", true, odd, 1), b -> FleetAck.parse(b, "n"));
            assertRoundTrip(() -> new FleetReset(ID, "bob", odd, 1), b -> FleetReset.parse(b, "t"));
            assertRoundTrip(() -> new FleetAuditEntry(ID, "reset", "t", "bob", odd, 1, 0, odd),
                    b -> FleetAuditEntry.parse(b, "e"));
            assertRoundTrip(() -> new FleetMember("a", "i", odd, odd, odd, 1, odd, Map.of()),
                    b -> FleetMember.parse(b, "n"));
        }
    }

    @Test
    void emptyRequiredFieldsAreRefusedOrReadBack() {
        assertRoundTrip(() -> new FleetAck("", true, "", 1), b -> FleetAck.parse(b, "n"));
        assertRoundTrip(() -> new FleetAuditEntry(ID, "reset", "", "bob", "", 1, 0, ""),
                b -> FleetAuditEntry.parse(b, "e"));
        assertRoundTrip(() -> new FleetMember("", "i", "", "", "", 1, "", Map.of()), b -> FleetMember.parse(b, "n"));
        assertRoundTrip(() -> new FleetMember("a", "", "", "", "", 1, "", Map.of()), b -> FleetMember.parse(b, "n"));
    }

    @Test
    void negativeInstantsAreRefusedOrReadBack() {
        for (long instant : new long[] {-1, Long.MIN_VALUE}) {
            assertRoundTrip(() -> new FleetAck("i", true, "", instant), b -> FleetAck.parse(b, "n"));
            assertRoundTrip(() -> new FleetReset(ID, "bob", "", instant), b -> FleetReset.parse(b, "t"));
            assertRoundTrip(() -> new FleetAuditEntry(ID, "reset", "t", "bob", "", instant, 0, ""),
                    b -> FleetAuditEntry.parse(b, "e"));
            assertRoundTrip(() -> new FleetAuditEntry(ID, "reset", "t", "bob", "", 0, instant, ""),
                    b -> FleetAuditEntry.parse(b, "e"));
            assertRoundTrip(() -> new FleetMember("a", "i", "", "", "", instant, "", Map.of()),
                    b -> FleetMember.parse(b, "n"));
        }
    }

    @Test
    void theRefusalsOfWhatWouldNotReadBackSayWhy() {
        assertThatThrownBy(() -> new FleetReset(ID, "bob", "a\uD800b", 1))
                .hasMessage("a fleet reset, the reason: the unpaired surrogate U+D800 at column 2");
        assertThatThrownBy(() -> new FleetAck("", true, "", 1))
                .hasMessage("a fleet acknowledgement needs the instance id (it is empty)");
        assertThatThrownBy(() -> new FleetReset(ID, "bob", "", -1))
                .hasMessage("a fleet reset: at must be milliseconds since the epoch, but is -1");
    }

    /** Either the constructor refuses the value (with a message), or the record reads back equal. */
    private static <R> void assertRoundTrip(Supplier<R> make, java.util.function.Function<byte[], R> parse) {
        R record;
        try {
            record = make.get();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        byte[] bytes;
        try {
            bytes = (byte[]) record.getClass().getMethod("toBytes").invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertThat(parse.apply(bytes)).as("read back of %s", record).isEqualTo(record);
    }

    @Test
    void aNodeLargerThanItsLimitIsRefusedBeforeItIsDecoded() {
        byte[] huge = new byte[FleetForcing.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 0xff);
        assertThatThrownBy(() -> FleetForcing.parse(huge, "a.B#m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the fleet forcing of a.B#m is 4097 bytes, more than the limit of 4096 bytes");
        assertThatThrownBy(() -> FleetMember.parse(new byte[FleetMember.MAX_BYTES + 1], "i"))
                .hasMessage("the fleet member i is 262145 bytes, more than the limit of 262144 bytes");
    }

    @Test
    void hostileTextIsRefusedWithWhatAndWhere() {
        assertRefused(FleetReset::parse, new byte[] {'a', 'c', 't', 'i', 'o', 'n', '=', (byte) 0xc3, '\n'},
                "the fleet reset of t is not valid UTF-8 text");
        assertRefused(FleetReset::parse, ("action=" + ID + "\nby=bob\u0000\n").getBytes(UTF_8),
                "line 2 of the fleet reset of t: the control character U+0000 at column 7");
        assertRefused(FleetReset::parse, ("action=" + ID + "\r\nby=bob\n").getBytes(UTF_8),
                "line 1 of the fleet reset of t: the control character U+000D at column 44");
        assertRefused(FleetReset::parse, ("action=" + ID + "\nby=bob\u2028x\n").getBytes(UTF_8),
                "line 2 of the fleet reset of t: the control character U+2028 at column 7");
        assertRefused(FleetReset::parse, ("action=" + ID + "\nOPEN\n").getBytes(UTF_8),
                "line 2 of the fleet reset of t: no field name before '=' in 'OPEN'");
        assertRefused(FleetReset::parse, ("action=" + ID + "\nby=a\nby=b\n").getBytes(UTF_8),
                "line 3 of the fleet reset of t: the field by appears twice");
        assertRefused(FleetMember::parse, ("application=a\nhost=" + "x".repeat(FleetText.MAX_LINE) + "\n")
                .getBytes(UTF_8), "line 2 of the fleet member t is 4101 characters, more than 4096");
        assertRefused(FleetReset::parse, ("by=bob\n").getBytes(UTF_8), "the fleet reset of t has no action");
        assertRefused(FleetReset::parse, ("action=../../x\nby=bob\n").getBytes(UTF_8),
                "the fleet reset of t: a fleet reset: the action id '../../x' may hold only ASCII letters, digits and '-'");
        assertRefused(FleetReset::parse, ("action=" + ID + "\nby=bob\nat=yesterday\n").getBytes(UTF_8),
                "the fleet reset of t: at must be milliseconds since the epoch, but is 'yesterday'");
        assertRefused(FleetForcing::parse, ("action=" + ID + "\nstate=AJAR\nby=bob\n").getBytes(UTF_8),
                "the fleet forcing of t: a fleet forcing's state must be OPEN or CLOSED, but is 'AJAR'");
        assertRefused(FleetAck::parse, ("instance=i\napplied=yes\n").getBytes(UTF_8),
                "the fleet acknowledgement t: applied must be true or false, but is 'yes'");
        assertRefused(FleetMember::parse, ("application=a\ninstance=i\nbreaker.a.B#m=OPEN\n").getBytes(UTF_8),
                "the fleet member t, breaker.a.B#m: 'OPEN' is not <state>|<forced>|<action id>");
        assertRefused(FleetMember::parse, ("application=a\ninstance=i\nbreaker.a.B#m=AJAR||\n").getBytes(UTF_8),
                "the fleet member t, breaker.a.B#m: a breaker state must be CLOSED, OPEN or HALF_OPEN, but is 'AJAR'");
    }

    @Test
    void aMemberListsAtMostItsLimitOfBreakers() {
        Map<String, BreakerState> many = new HashMap<>();
        for (int i = 0; i <= FleetMember.MAX_BREAKERS; i++) {
            many.put("a.B#m" + i, new BreakerState("CLOSED", "", ""));
        }
        assertThatThrownBy(() -> new FleetMember("a", "i", "", "", "", 0, "", many))
                .hasMessage("a fleet member lists 2001 breakers; at most 2000 are taken");
        StringBuilder text = new StringBuilder("application=a\ninstance=i\n");
        many.keySet().forEach(name -> text.append("breaker.").append(name).append("=CLOSED||\n"));
        assertRefused(FleetMember::parse, text.toString().getBytes(UTF_8),
                "the fleet member t: a fleet member lists 2001 breakers; at most 2000 are taken");
    }

    @Test
    void nodeNamesAreOneNodeEachAndReadBack() {
        for (String raw : List.of("a.B#m", "group:db", "a/b", ".", "..", "a b+c", "100%", "\u20ac\uD83D\uDE00",
                "host:1234:1700000000000")) {
            String node = FleetLayout.node(raw);
            assertThat(node).doesNotContain("/").isNotIn(".", "..");
            assertThat(FleetLayout.raw(node)).isEqualTo(raw);
        }
        assertThatThrownBy(() -> FleetLayout.node("")).hasMessage("a fleet name must have 1 to 512 characters, but is ''");
        assertThatThrownBy(() -> FleetLayout.node("x".repeat(513))).hasMessageStartingWith("a fleet name must have");
        assertThatThrownBy(() -> FleetLayout.node("a\nb")).hasMessage("the fleet name 'a\nb': the control character"
                + " U+000A at column 2");
        assertThatThrownBy(() -> FleetLayout.raw("%zz")).hasMessage("'%zz' is not a fleet node name");
        assertThatThrownBy(() -> new FleetLayout("fusebox/")).hasMessageStartingWith("the fleet root must be");
        FleetLayout layout = new FleetLayout("/f");
        assertThat(layout.forced("my app", "a/B#m")).isEqualTo("/f/apps/my+app/forced/a%2FB%23m");
        assertThat(layout.ack("a", ID, "h:1")).isEqualTo("/f/acks/a/" + ID + "/h%3A1");
        assertThat(layout.auditEntryPrefix("a")).isEqualTo("/f/audit/a/entry-");
    }

    private interface Parser {
        Object parse(byte[] data, String where);
    }

    private static void assertRefused(Parser parser, byte[] data, String message) {
        assertThatThrownBy(() -> parser.parse(data, "t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
