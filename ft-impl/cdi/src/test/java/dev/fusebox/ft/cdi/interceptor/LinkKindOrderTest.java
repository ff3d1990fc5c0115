package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.guard.GuardChains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.api.RateLimit;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/** The one table of the chain's order ({@link LinkKind}) says what the specification says. */
class LinkKindOrderTest {

    /**
     * MicroProfile Fault Tolerance 4.1, outermost first: Fallback, then Retry, CircuitBreaker,
     * Timeout, Bulkhead; for {@code @Asynchronous} the hand-off to another thread comes last, just
     * before the method, so every policy above it applies to the asynchronous execution. Fusebox's
     * {@code @RateLimit} sits between the breaker and the timeout (an open circuit rejects before
     * the limit is asked; each retry attempt passes the limit), as in SmallRye Fault Tolerance.
     * Fusebox's {@code @Hedge} comes next, outside the timeout and the bulkhead (each attempt has its
     * own), inside the breaker and the retry (which see the hedged call as one). Its
     * {@code @AdaptiveBulkhead} takes the bulkhead's place (a method has one or the other), so it
     * comes right after it.
     */
    private static final List<Class<? extends Annotation>> SPECIFICATION_ORDER = List.of(
            Fallback.class, Retry.class, CircuitBreaker.class, RateLimit.class, Hedge.class, Timeout.class,
            Bulkhead.class, AdaptiveBulkhead.class, Asynchronous.class);

    @Test
    void theRowsFollowTheSpecificationsOrderOutermostFirst() {
        List<Class<? extends Annotation>> rows = Arrays.stream(LinkKind.values()).map(LinkKind::annotation).toList();

        assertThat(rows).as("the annotations of LinkKind's rows, outermost first")
                .containsExactlyElementsOf(SPECIFICATION_ORDER);
    }

    @Test
    void programmaticGuardsChainTheirLinksInTheSameOrder() {
        // a guard has every row but the hand-off: nothing on a guard is @Asynchronous
        List<String> rows = Arrays.stream(LinkKind.values()).filter(row -> row != LinkKind.THREAD_HAND_OFF)
                .map(row -> row.annotation().getSimpleName()).toList();

        assertThat(GuardChains.ORDER).as("the order of a programmatic guard's links, outermost first")
                .containsExactlyElementsOf(rows);
    }
}
