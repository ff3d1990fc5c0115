package dev.fusebox.ft.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.bulkhead.BulkheadStep;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerStep;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shadow mode costs no allocation: neither on the path of a call the breaker and the bulkhead admit
 * (it reads no switch) nor on the path of a call they let through in shadow mode. Counted with the
 * JVM's per-thread allocation counter over many calls after a warm-up; the counters of the
 * operators ({@link MethodCounters}) are the metrics, as in production without a metrics library.
 */
class ShadowAllocationTest {

    private static final int CALLS = 10_000;

    private final VirtualTime time = new VirtualTime();
    private final CircuitBreaker breaker = new CircuitBreaker("allocation", new CircuitBreakerPolicy(4, 0.5,
            1_000_000_000L, 1), time, CircuitBreakerListener.NONE);
    private final Bulkhead bulkhead = new Bulkhead("allocation", 1);
    private final MethodCounters counters = new MethodCounters();
    private final SyncStep chain = new CircuitBreakerStep(new BulkheadStep(Invocation::proceed, bulkhead,
            Rejections.plain(), time, counters), breaker, new ExceptionClassifier(List.of(Exception.class), List.of()),
            Rejections.plain(), counters);

    private static final Invocation METHOD = () -> "value";

    /** Bytes this thread allocated over {@link #CALLS} calls of {@code call}, after as many to warm up. */
    private static long bytesFor(Invocation call) throws Exception {
        com.sun.management.ThreadMXBean allocation =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            call.proceed();
        }
        long before = allocation.getThreadAllocatedBytes(id);
        for (int i = 0; i < CALLS; i++) {
            call.proceed();
        }
        return allocation.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void anAdmittedCallAllocatesNothingInShadowMode() throws Exception {
        breaker.setShadow(true);
        bulkhead.setShadow(true);
        long bytes = bytesFor(() -> chain.call(METHOD));
        assertThat(breaker.wouldReject() + bulkhead.wouldReject()).isZero();
        assertThat(bytes).as("bytes over %d admitted calls", CALLS).isLessThan(CALLS);
    }

    @Test
    void aCallLetThroughInShadowModeAllocatesNothing() throws Exception {
        for (int i = 0; i < 4; i++) {
            try {
                chain.call(() -> {
                    throw new IllegalStateException("down");
                });
            } catch (IllegalStateException expected) {
                // four failures open the breaker
            }
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        breaker.setShadow(true);
        bulkhead.setShadow(true);
        Invocation nested = () -> chain.call(METHOD);
        long bytes = bytesFor(() -> chain.call(nested));
        assertThat(breaker.wouldReject()).as("both calls of each pair let through by the breaker")
                .isEqualTo(4L * CALLS);
        assertThat(bulkhead.wouldReject()).as("the inner call of each pair over the bulkhead's limit")
                .isEqualTo(2L * CALLS);
        assertThat(bytes).as("bytes over %d pairs of calls let through", CALLS).isLessThan(CALLS);
    }
}
