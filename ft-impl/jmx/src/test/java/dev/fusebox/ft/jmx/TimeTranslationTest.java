package dev.fusebox.ft.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.circuitbreaker.Forced;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expiries and times between a virtual ticker and the wall clock. */
class TimeTranslationTest {

    /** A ticker far from System.nanoTime, moved by hand. */
    private final AtomicLong virtualNanos = new AtomicLong(-7_000_000_000_000L);
    private final TickerClock clock = new TickerClock(virtualNanos::get);

    @Test
    void tickerNanosReadAsEpochMillisFromTheOffsetCapturedAtStart() {
        long start = clock.nowEpochMillis();
        assertThat(start).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1_000L));
        virtualNanos.addAndGet(Duration.ofMinutes(90).toNanos());
        assertThat(clock.nowEpochMillis()).isEqualTo(start + Duration.ofMinutes(90).toMillis());
        assertThat(clock.untilEpochMillis(Forced.NEVER)).isZero();
    }

    @Test
    void durationsAndInstantsBecomeTickerDeadlines() {
        long start = clock.nowEpochMillis();
        virtualNanos.addAndGet(1_000_000_000L);
        assertThat(clock.deadline(Duration.ofMinutes(30))).isEqualTo(virtualNanos.get() + Duration.ofMinutes(30).toNanos());
        long deadline = clock.deadline(Instant.ofEpochMilli(start + 60_000));
        assertThat(clock.toEpochMillis(deadline)).isEqualTo(start + 60_000);
        assertThat(clock.deadline(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Forced.NEVER - 1);
        assertThat(clock.deadline(Instant.MAX)).isEqualTo(Forced.NEVER - 1);
    }

    @Test
    void expiriesAreParsedOrRefusedWithAReason() {
        assertThat(Expiry.parse(null).deadline(clock)).isEqualTo(Forced.NEVER);
        assertThat(Expiry.parse("  ").deadline(clock)).isEqualTo(Forced.NEVER);
        assertThat(Expiry.parse("PT30M").deadline(clock)).isEqualTo(virtualNanos.get() + Duration.ofMinutes(30).toNanos());
        assertThat(Expiry.parse("pt1s").deadline(clock)).isEqualTo(virtualNanos.get() + 1_000_000_000L);
        Instant later = Instant.now().plusSeconds(3_600);
        assertThat(clock.toEpochMillis(Expiry.parse(later.toString()).deadline(clock))).isEqualTo(later.toEpochMilli());
        assertThat(Expiry.after(null)).isSameAs(Expiry.NEVER);

        assertThatThrownBy(() -> Expiry.parse("PT0S")).hasMessageStartingWith("expiry duration PT0S is not in the future");
        assertThatThrownBy(() -> Expiry.parse("P1X")).hasMessageStartingWith("expiry 'P1X' is not understood");
        assertThatThrownBy(() -> Expiry.parse("2026-13-01")).hasMessageStartingWith("expiry '2026-13-01' is not understood");
        assertThatThrownBy(() -> Expiry.parse("1970-01-02T00:00:00Z")).hasMessageContaining("is in the past");
    }

    @Test
    void globsMatchWholeNamesWithStarAndQuestionMarkOnly() {
        assertThat(BreakerSelection.glob("com.example.Pay*#charge").matcher("com.example.Payments#charge").matches())
                .isTrue();
        assertThat(BreakerSelection.glob("com.example.Pay*").matcher("org.com.example.Payments#x").matches()).isFalse();
        assertThat(BreakerSelection.glob("a#refund(?)").matcher("a#refund(x)").matches()).isTrue();
        assertThat(BreakerSelection.glob("a.b").matcher("aXb").matches()).as("a dot is a dot").isFalse();
        assertThat(BreakerSelection.glob("a#f(int[])").matcher("a#f(int[])").matches()).isTrue();
    }
}
