package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shadow mode decides as enforcing does: one arrival trace through an enforcing and a shadow rate
 * limit gets the same decisions call by call and the same counts (the shadow's would-reject being
 * the enforcing one's rejected), because a refused call leaves no trace in the limiter.
 */
class ShadowReplayTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(new RateLimitPolicy(RateLimitWindow.FIXED, 5, SECOND, 0)),
                Arguments.of(new RateLimitPolicy(RateLimitWindow.FIXED, 5, SECOND, 30 * MILLI)),
                Arguments.of(new RateLimitPolicy(RateLimitWindow.ROLLING, 5, SECOND, 0)),
                Arguments.of(new RateLimitPolicy(RateLimitWindow.ROLLING, 5, SECOND, 30 * MILLI)),
                Arguments.of(new RateLimitPolicy(RateLimitWindow.SMOOTH, 5, SECOND, 0)),
                Arguments.of(new RateLimitPolicy(RateLimitWindow.SMOOTH, 5, SECOND, 30 * MILLI)));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void aShadowRateLimitMakesTheEnforcingDecisionsAndCountsThem(RateLimitPolicy policy) {
        VirtualTime time = new VirtualTime();
        RateLimit enforcing = new RateLimit("enforcing", policy, time.nanoTime());
        RateLimit shadow = new RateLimit("shadow", policy, time.nanoTime());
        shadow.setShadow(true);
        SplittableRandom random = new SplittableRandom(7);
        int refusals = 0;
        for (int k = 0; k < 10_000; k++) {
            time.advance(Duration.ofNanos(random.nextLong(0, 80 * MILLI)));
            long decided = enforcing.acquire(time.nanoTime());
            long shadowed = shadow.acquire(time.nanoTime());
            assertThat(shadowed).as("call %d", k).isEqualTo(-decided);
            refusals += decided > 0 ? 1 : 0;
        }
        assertThat(refusals).as("the trace had refusals and admissions").isBetween(100, 9_900);
        assertThat(shadow.permitted()).isEqualTo(enforcing.permitted());
        assertThat(shadow.wouldReject()).isEqualTo(enforcing.rejected()).isEqualTo(refusals);
        assertThat(shadow.rejected()).isZero();
        assertThat(enforcing.wouldReject()).isZero();
        assertThat(shadow.snapshot()).isEqualTo(new RateLimitSnapshot("shadow", policy, true,
                10_000 - refusals, 0, refusals));
    }
}
