package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.OpenCircuitDelay;
import dev.fusebox.ft.core.invocation.RejectingBreaker;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/**
 * Each fail-fast rejection has one class whatever the stack-trace setting: the setting decides
 * only whether its trace is filled in, and the trace then starts where the rejection was made.
 */
class MicroProfileRejectionsTest {

    private final MicroProfileRejections quiet = new MicroProfileRejections(false);
    private final MicroProfileRejections traced = new MicroProfileRejections(true);

    private static RejectingBreaker breaker(String name, LongSupplier remainingOpenNanos) {
        return new RejectingBreaker() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long remainingOpenNanos() {
                return remainingOpenNanos.getAsLong();
            }
        };
    }

    @Test
    void anOpenCircuitIsOneClassWithOrWithoutAStackTrace() {
        RuntimeException fast = quiet.circuitOpen(breaker("Payments#charge", () -> 0));
        RuntimeException slow = traced.circuitOpen(breaker("Payments#charge", () -> 0));

        assertThat(slow.getClass()).isSameAs(fast.getClass());
        assertThat(fast).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessage("circuit breaker is open: Payments#charge");
        assertThat(fast.toString())
                .isEqualTo(CircuitBreakerOpenException.class.getName() + ": circuit breaker is open: Payments#charge");
        assertThat(fast.getStackTrace()).isEmpty();
        assertThat(slow).hasMessage(fast.getMessage()).hasToString(fast.toString());
        assertThat(slow.getStackTrace()).isNotEmpty();
        assertThat(slow.getStackTrace()[0].getMethodName()).isEqualTo("circuitOpen");
    }

    @Test
    void anOpenCircuitTellsItsRemainingDelayWhenAskedOrNoneForAForcingWithoutEnd() {
        long[] remaining = {1_500_000_000L};
        RuntimeException open = quiet.circuitOpen(breaker("Payments#charge", () -> remaining[0]));

        assertThat(open).isInstanceOf(OpenCircuitDelay.class);
        assertThat(((OpenCircuitDelay) open).remainingOpenDelay()).contains(Duration.ofMillis(1_500));
        remaining[0] = 200_000_000L;
        assertThat(((OpenCircuitDelay) open).remainingOpenDelay()).as("read when asked").contains(Duration.ofMillis(200));
        remaining[0] = Long.MAX_VALUE;
        assertThat(((OpenCircuitDelay) open).remainingOpenDelay()).isEmpty();
    }

    @Test
    void aFullBulkheadIsOneClassWithOrWithoutAStackTrace() {
        RuntimeException fast = quiet.bulkheadFull("Payments#charge");
        RuntimeException slow = traced.bulkheadFull("Payments#charge");

        assertThat(slow.getClass()).isSameAs(fast.getClass());
        assertThat(fast).isInstanceOf(BulkheadException.class).hasMessage("bulkhead is full: Payments#charge");
        assertThat(fast.toString()).isEqualTo(BulkheadException.class.getName() + ": bulkhead is full: Payments#charge");
        assertThat(fast.getStackTrace()).isEmpty();
        assertThat(slow).hasMessage(fast.getMessage()).hasToString(fast.toString());
        assertThat(slow.getStackTrace()).isNotEmpty();
        assertThat(slow.getStackTrace()[0].getMethodName()).isEqualTo("bulkheadFull");
    }
}
