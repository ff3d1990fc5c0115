package dev.fusebox.ft.cdi.interceptor;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void anOpenCircuitIsOneClassWithOrWithoutAStackTrace() {
        RuntimeException fast = quiet.circuitOpen("Payments#charge");
        RuntimeException slow = traced.circuitOpen("Payments#charge");

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
