package dev.fusebox.ft.cdi.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.FuseboxPolicy;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outermost row of the chain ({@link LinkKind#FALLBACK}) on a synchronous method without a
 * fallback: it adds a link that counts the call's outcome only when a metrics backend counts
 * invocations; with the operators' counters alone the chain starts at the next row (issue 12,
 * item 9: that link's catch and rethrow were on every call, each rejection's included).
 */
class FallbackRowTest {

    private static final SyncStep INNER = invocation -> invocation.proceed();

    @Test
    void withTheOperatorsCountersAloneTheRowAddsNoLink() throws Exception {
        SyncStep outermost = LinkKind.FALLBACK.sync(INNER, inputs(new MethodCounters()));

        assertThat(outermost).as("the chain's outermost step without a metrics backend").isSameAs(INNER);
    }

    @Test
    void aBackendThatCountsInvocationsGetsEveryOutcome() throws Exception {
        List<Boolean> counted = new ArrayList<>();
        MethodMetrics backend = new MethodMetrics() {
            @Override
            public void invocation(boolean valueReturned, FallbackUse fallback) {
                counted.add(valueReturned);
            }
        };
        SyncStep outermost = LinkKind.FALLBACK.sync(INNER, inputs(backend));

        assertThat(outermost.call(() -> "value")).isEqualTo("value");
        IllegalStateException failure = new IllegalStateException("down");
        assertThatThrownBy(() -> outermost.call(() -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(counted).as("valueReturned of each counted call").containsExactly(true, false);
    }

    private static LinkInputs inputs(MethodMetrics metrics) throws NoSuchMethodException {
        MethodPolicy policy = new MethodPolicy(Guarded.class, Guarded.class.getDeclaredMethod("call"), "call",
                AsyncMode.NONE, null, null, 0, null, null, FuseboxPolicy.NONE);
        return new LinkInputs(policy, null, null, null, null, null, null, null, metrics, null, null, null, null, null);
    }

    /** Stands for a bean class; the row reads only the policy's fallback. */
    private static final class Guarded {
        String call() {
            return "value";
        }
    }
}
