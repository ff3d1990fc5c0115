package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RateLimitMXBean;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    @TempDir
    Path dir;

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
