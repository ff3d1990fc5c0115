package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RateLimitMXBean;
import dev.fusebox.ft.management.RetryBudgetMXBean;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate limit through its MXBean: its settings and counts, and shadow mode switched on and off by
 * an operator at run time, written to the overrides file, applied to the next call; what cannot
 * change at run time is refused with the list of what can.
 */
@ExtendWith(ThreadHygiene.class)
class ShadowSwitchTest {

    @ApplicationScoped
    public static class Quotes {
        private final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        @RateLimit(value = 2, window = 1, windowUnit = ChronoUnit.HOURS)
        public String quote() {
            calls.incrementAndGet();
            return "quoted";
        }
    }

    @ApplicationScoped
    public static class Payments {
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1, delay = 60_000)
        @Retry(maxRetries = 1, delay = 0, jitter = 0)
        @RetryBudget(ratio = 0.5, minRetriesPerSecond = 0)
        public String charge(boolean fail) {
            if (fail) {
                throw new IllegalStateException("declined");
            }
            return "charged";
        }
    }

    @TempDir
    Path dir;

    @Test
    void anOperatorPutsABreakerInShadowModeAndReadsWhatItWouldHaveRejected() throws Exception {
        Path file = dir.resolve("overrides.properties");
        try (Container container = Container.withSource(new OverridesConfigSource(file, 600), Map.of(), Payments.class)) {
            CircuitBreakerMXBean breaker = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER,
                    Payments.class, "charge"), CircuitBreakerMXBean.class);
            RetryBudgetMXBean budget = MBeans.proxy(MBeans.name(container, ManagementNames.RETRY_BUDGET,
                    Payments.class, "charge"), RetryBudgetMXBean.class);
            assertThat(breaker.isShadow()).isFalse();
            ActionResult on = breaker.configure("shadow", "true", "CHG-13 watch before enforcing");
            assertThat(on.succeeded()).as(on.message()).isTrue();
            assertThat(breaker.isShadow()).isTrue();
            Payments payments = container.bean(Payments.class);
            // the first call's retry is refused by the budget (half a retry deposited)
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            // the second call's failure opens the breaker; its retry (paid by the two halves) runs
            // although an enforcing breaker would have rejected it
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThat(breaker.getState()).as("tripped as if enforcing").isEqualTo("OPEN");
            assertThat(payments.charge(false)).as("shadow: not rejected").isEqualTo("charged");
            assertThat(breaker.getWouldReject()).as("that retry and this call").isEqualTo(2);
            assertThat(budget.getRatio()).isEqualTo(0.5);
            assertThat(budget.getGroup()).isEmpty();
            assertThat(budget.getGranted() + budget.getRefused()).as("every retry asked the budget").isEqualTo(2);
            assertThat(budget.getGranted()).isEqualTo(1);
        }
    }

    @Test
    void anOperatorPutsARateLimitInShadowModeAndBack() throws Exception {
        Path file = dir.resolve("overrides.properties");
        try (Container container = Container.withSource(new OverridesConfigSource(file, 600), Map.of(), Quotes.class)) {
            RateLimitMXBean limit = MBeans.proxy(MBeans.name(container, ManagementNames.RATE_LIMIT, Quotes.class,
                    "quote"), RateLimitMXBean.class);
            assertThat(limit.getType()).isEqualTo("FIXED");
            assertThat(limit.getLimit()).isEqualTo(2);
            assertThat(limit.getWindowMillis()).isEqualTo(3_600_000L);
            assertThat(limit.isShadow()).isFalse();
            GuardedMethodInfo info = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class)
                    .getGuardedMethods().get(0);
            assertThat(info.policies()).containsExactly("RateLimit");

            Quotes quotes = container.bean(Quotes.class);
            quotes.quote();
            quotes.quote();
            assertThatThrownBy(quotes::quote).isInstanceOf(RateLimitException.class);
            assertThat(limit.getPermitted()).isEqualTo(2);
            assertThat(limit.getRejected()).isEqualTo(1);

            ActionResult on = limit.configure("shadow", "true", "CHG-12 watch the new limit before enforcing it");
            assertThat(on.succeeded()).as(on.message()).isTrue();
            assertThat(Files.readString(file)).contains(Quotes.class.getName() + "/quote/RateLimit/shadow=true");
            assertThat(limit.isShadow()).isTrue();
            assertThat(quotes.quote()).isEqualTo("quoted");
            assertThat(quotes.quote()).isEqualTo("quoted");
            assertThat(quotes.calls()).isEqualTo(4);
            assertThat(limit.getWouldReject()).isEqualTo(2);
            assertThat(limit.getRejected()).isEqualTo(1);

            ActionResult off = limit.configure("shadow", "false", "CHG-12 enforce");
            assertThat(off.succeeded()).as(off.message()).isTrue();
            assertThatThrownBy(quotes::quote).isInstanceOf(RateLimitException.class);
            assertThat(quotes.calls()).isEqualTo(4);
        }
    }

    @Test
    void whatCannotChangeAtRunTimeIsRefusedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("overrides.properties");
        try (Container container = Container.withSource(new OverridesConfigSource(file, 600), Map.of(), Quotes.class)) {
            RateLimitMXBean limit = MBeans.proxy(MBeans.name(container, ManagementNames.RATE_LIMIT, Quotes.class,
                    "quote"), RateLimitMXBean.class);
            ActionResult value = limit.configure("value", "100", "more");
            assertThat(value.succeeded()).isFalse();
            assertThat(value.message()).contains("@RateLimit has no parameter 'value' that can change at run time",
                    "choose one of shadow");
            ActionResult maybe = limit.configure("shadow", "maybe", "unsure");
            assertThat(maybe.succeeded()).isFalse();
            assertThat(maybe.message()).contains("shadow = 'maybe'", "neither true nor false");
            assertThat(limit.isShadow()).isFalse();
            assertThat(Files.exists(file) ? Files.readString(file) : "").doesNotContain("RateLimit");
        }
    }
}
