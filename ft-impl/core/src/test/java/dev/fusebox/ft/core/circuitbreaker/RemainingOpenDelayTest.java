package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How long an open circuit still rejects calls (what an HTTP service puts in {@code Retry-After}):
 * the rest of the policy's delay, the rest of an operator's forcing, "no end" for a forcing that
 * has none, and nothing when the circuit is not open. In virtual time.
 */
class RemainingOpenDelayTest {

    private final VirtualTime time = new VirtualTime();
    private final CircuitBreaker breaker = new CircuitBreaker("payments", new CircuitBreakerPolicy(2, 0.5,
            TimeUnit.SECONDS.toNanos(5), 1), time, CircuitBreakerListener.NONE);

    private void fail() {
        Phase phase = breaker.tryAcquire();
        breaker.record(phase, true, new IllegalStateException("down"));
    }

    @Test
    void anOpenCircuitHasTheRestOfItsDelayLeft() {
        fail();
        fail();
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
        time.advance(Duration.ofMillis(3_200));
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofMillis(1_800).toNanos());
        time.advance(Duration.ofSeconds(9));
        assertThat(breaker.remainingOpenNanos()).as("delay elapsed, no call came yet").isZero();
    }

    @Test
    void aClosedOrHalfOpenCircuitHasNothingLeft() {
        assertThat(breaker.remainingOpenNanos()).isZero();
        fail();
        fail();
        time.advance(Duration.ofSeconds(6));
        breaker.tryAcquire(); // the trial call: half-open
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.remainingOpenNanos()).isZero();
    }

    @Test
    void aForcedOpenCircuitHasTheRestOfTheForcingLeftOrNoEnd() {
        breaker.force(CircuitState.OPEN, "alice", "maintenance", time.nanoTime() + Duration.ofMinutes(2).toNanos());
        time.advance(Duration.ofSeconds(30));
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Duration.ofSeconds(90).toNanos());
        breaker.force(CircuitState.OPEN, "alice", "until further notice", Forced.NEVER);
        assertThat(breaker.remainingOpenNanos()).isEqualTo(Long.MAX_VALUE);
    }
}
