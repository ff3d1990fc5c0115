package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The back-off of failed logins per source, in virtual time. */
class LoginThrottleTest {

    final AtomicLong now = new AtomicLong(1_000);
    final LoginThrottle throttle = new LoginThrottle(now::get);

    void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void threeFailuresAreFreeThenTheWaitDoublesUpToAMinute() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.admit("10.0.0.1").admitted()).isTrue();
            assertThat(throttle.failed("10.0.0.1")).isZero();
        }
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expectedSeconds) {
            assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(seconds).toNanos());
            LoginThrottle.Verdict refused = throttle.admit("10.0.0.1");
            assertThat(refused.admitted()).isFalse();
            assertThat(refused.waitNanos()).isEqualTo(Duration.ofSeconds(seconds).toNanos());
            advance(Duration.ofSeconds(seconds).minusNanos(1));
            assertThat(throttle.admit("10.0.0.1").admitted()).as("1 ns before the end of %d s", seconds).isFalse();
            advance(Duration.ofNanos(1));
            assertThat(throttle.admit("10.0.0.1").admitted()).isTrue();
        }
    }

    @Test
    void onlyTheFirstRefusalOfAWaitIsToldSoAFloodLogsOnce() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.admit("10.0.0.1").firstRefusal()).isTrue();
        assertThat(throttle.admit("10.0.0.1").firstRefusal()).isFalse();
        advance(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1");
        assertThat(throttle.admit("10.0.0.1").firstRefusal()).as("a new wait is told again").isTrue();
    }

    @Test
    void sourcesWaitEachForItsOwnFailures() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.admit("10.0.0.1").admitted()).isFalse();
        assertThat(throttle.admit("10.0.0.2").admitted()).isTrue();
    }

    @Test
    void aSuccessOrAQuarterOfAnHourWithoutFailureStartsAfresh() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.succeeded("10.0.0.1");
        assertThat(throttle.admit("10.0.0.1").admitted()).isTrue();
        assertThat(throttle.failed("10.0.0.1")).as("free again").isZero();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.3");
        }
        advance(Duration.ofMinutes(LoginThrottle.FORGET_MINUTES).plusSeconds(1));
        assertThat(throttle.failed("10.0.0.3")).as("the old failures are forgotten").isZero();
    }

    @Test
    void trackingIsBoundedAndIdleSourcesMakeRoom() {
        for (int i = 0; i < LoginThrottle.MAX_SOURCES; i++) {
            throttle.failed("source-" + i);
        }
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.failed("one-too-many")).as("not tracked while full").isZero();
        }
        advance(Duration.ofMinutes(LoginThrottle.FORGET_MINUTES).plusSeconds(1));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("one-too-many");
        }
        assertThat(throttle.failed("one-too-many")).as("tracked once idle sources were swept").isPositive();
    }
}
