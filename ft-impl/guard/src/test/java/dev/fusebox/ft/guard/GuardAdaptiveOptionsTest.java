package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.AdaptiveAlgorithm;
import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.core.adaptive.Priority;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The options of a guard's adaptive bulkhead and hedge: every value that sizes memory or spends
 * CPU is bounded at build time, with a message naming the guard, the policy and the value; a guard
 * has one bulkhead; configuration overrides them as it does the other policies.
 */
class GuardAdaptiveOptionsTest {

    private final List<Guard> built = new ArrayList<>();
    private final String name;

    GuardAdaptiveOptionsTest(TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void close() {
        built.forEach(Guard::close);
    }

    private Guard.Builder builder() {
        return Guard.builder(name);
    }

    @Test
    void badAdaptiveBulkheadValuesAreRefusedWithTheirBounds() {
        String refused = "guard " + name + ", adaptiveBulkhead: ";
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.maxLimit(10_001)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(refused + "adaptive limit bounds must satisfy 1 <= minLimit <= maxLimit <= 10000");
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.minLimit(0)).build())
                .hasMessageContaining("minLimit 0");
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.maxLimit(10)).build())
                .as("the default initial limit, 20, above the maximum")
                .hasMessageContaining(refused + "adaptive limit initialLimit must lie within [1, 10]: 20");
        for (int samples : new int[] {0, 10_001}) {
            assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.minSamples(samples)).build())
                    .hasMessageContaining(refused + "adaptive limit minSamples must be from 1 to 10000: " + samples);
        }
        for (Duration window : new Duration[] {Duration.ofNanos(999_999), Duration.ofMinutes(61)}) {
            assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.window(window)).build())
                    .hasMessageContaining(refused + "adaptive limit window must be from 1 ms to 1 hour");
        }
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.window(Duration.ofMillis(-1))))
                .hasMessageContaining(refused + "window must not be negative");
        for (double reserve : new double[] {-0.1, 0.95, Double.NaN}) {
            assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.liveReserve(reserve)).build())
                    .hasMessageContaining(refused + "adaptive limit liveReserve must be from 0 to 0.9");
        }
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.priority(null)))
                .hasMessageContaining(refused + "priority must not be null");
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> a.algorithm(null)))
                .hasMessageContaining(refused + "algorithm must not be null");
    }

    @Test
    void badHedgeValuesAreRefusedWithTheirBounds() {
        String refused = "guard " + name + ", hedge: ";
        for (int hedges : new int[] {0, 5}) {
            assertThatThrownBy(() -> builder().hedge(h -> h.maxHedges(hedges)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(refused + "hedge maxHedges must be from 1 to 4: " + hedges);
        }
        for (Duration delay : new Duration[] {Duration.ZERO, Duration.ofMinutes(61)}) {
            assertThatThrownBy(() -> builder().hedge(h -> h.delay(delay)).build())
                    .hasMessageContaining(refused + "hedge delay must be from 1 ms to 1 hour");
        }
        for (double percentile : new double[] {0.3, 0.9999, Double.NaN}) {
            assertThatThrownBy(() -> builder().hedge(h -> h.percentile(percentile)).build())
                    .hasMessageContaining(refused + "hedge percentile must be 0 (a fixed delay) or from 0.5 to 0.999");
        }
        assertThatThrownBy(() -> builder().hedge(h -> h.budget(11)).build())
                .hasMessageContaining(refused + "budget 11.0 and minHedgesPerSecond 1 are the ratio and")
                .hasMessageContaining("retry budget ratio must be between 0 and 10");
        assertThatThrownBy(() -> builder().hedge(h -> h.minHedgesPerSecond(100_001)).build())
                .hasMessageContaining("minRetriesPerSecond must be between 0 and 100000: 100001");
        assertThatThrownBy(() -> builder().hedge(h -> h.delay(null)))
                .hasMessageContaining(refused + "delay must not be null");
    }

    @Test
    void aGuardHasOneBulkheadPlainOrAdaptive() {
        assertThatThrownBy(() -> builder().bulkhead(b -> { }).adaptiveBulkhead(a -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("guard " + name + " has a bulkhead already: an adaptive bulkhead takes the bulkhead's"
                        + " place; use one bulkhead");
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> { }).bulkhead(b -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has an adaptive bulkhead already").hasMessageContaining("use one bulkhead");
        assertThatThrownBy(() -> builder().hedge(h -> { }).hedge(h -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has a hedge already");
        assertThatThrownBy(() -> builder().adaptiveBulkhead(a -> { }).adaptiveBulkhead(a -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has an adaptiveBulkhead already");
    }

    @Test
    void configuredValuesOverrideTheAdaptiveBulkheadAndTheHedge() throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                name + "/AdaptiveBulkhead/algorithm", "AIMD",
                name + "/AdaptiveBulkhead/initialLimit", "3",
                name + "/AdaptiveBulkhead/maxLimit", "30",
                name + "/AdaptiveBulkhead/window", "PT2S",
                name + "/AdaptiveBulkhead/minSamples", "7",
                name + "/AdaptiveBulkhead/liveReserve", "0.5",
                name + "/AdaptiveBulkhead/priority", "BATCH",
                name + "/Hedge/delay", "40",
                name + "/Hedge/maxHedges", "2",
                name + "/Hedge/budget", "0.25"));
        try (AutoCloseable installed = ManagedGuards.configureWith(config::get)) {
            built.add(builder().adaptiveBulkhead(a -> a.algorithm(AdaptiveAlgorithm.GRADIENT).initialLimit(20))
                    .hedge(h -> h.delay(Duration.ofSeconds(1))).build());
            GuardEngines engines = ManagedGuards.live(name).engines();
            assertThat(engines.adaptiveLimit().policy()).satisfies(policy -> {
                assertThat(policy.algorithm().getClass().getSimpleName()).isEqualTo("AimdAlgorithm");
                assertThat(policy.initialLimit()).isEqualTo(3);
                assertThat(policy.maxLimit()).isEqualTo(30);
                assertThat(policy.windowNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
                assertThat(policy.minSamples()).isEqualTo(7);
                assertThat(policy.liveReserve()).isEqualTo(0.5);
            });
            assertThat(engines.adaptivePriority()).isEqualTo(Priority.BATCH);
            assertThat(engines.hedge().policy().delayNanos()).isEqualTo(Duration.ofMillis(40).toNanos());
            assertThat(engines.hedge().policy().maxHedges()).isEqualTo(2);
            assertThat(engines.hedgeBudget().policy().ratio()).isEqualTo(0.25);

            config.put(name + "-off/AdaptiveBulkhead/enabled", "false");
            config.put(name + "-off/Hedge/enabled", "false");
            built.add(Guard.builder(name + "-off").adaptiveBulkhead(a -> { }).hedge(h -> { }).build());
            GuardEngines off = ManagedGuards.live(name + "-off").engines();
            assertThat(off.adaptiveLimit()).as("turned off by configuration").isNull();
            assertThat(off.adaptivePriority()).isNull();
            assertThat(off.hedge()).isNull();

            config.put(name + "-bad/AdaptiveBulkhead/algorithm", "FAST");
            assertThatThrownBy(() -> Guard.builder(name + "-bad").adaptiveBulkhead(a -> { }).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("guard " + name + "-bad, adaptiveBulkhead: the configured value of " + name
                            + "-bad/AdaptiveBulkhead/algorithm is not one of AIMD, GRADIENT: FAST");
            config.put(name + "-big/Hedge/maxHedges", "100");
            assertThatThrownBy(() -> Guard.builder(name + "-big").hedge(h -> { }).build())
                    .hasMessage("guard " + name + "-big, hedge: hedge maxHedges must be from 1 to 4: 100");
            config.put(name + "-unset/Hedge/delay", "5");
            built.add(Guard.builder(name + "-unset").build());
            assertThat(ManagedGuards.live(name + "-unset").engines().hedge())
                    .as("configuration does not turn on a policy the code did not set").isNull();
        }
    }

    @Test
    void theDefaultsAreTheAnnotations() throws Exception {
        built.add(builder().adaptiveBulkhead(a -> { }).hedge(h -> { }).build());
        GuardEngines engines = ManagedGuards.live(name).engines();
        assertThat(engines.adaptiveLimit().policy()).satisfies(policy -> {
            assertThat(policy.algorithm().getClass().getSimpleName())
                    .isEqualTo(titleCase(adaptive("algorithm")) + "Algorithm");
            assertThat(policy.initialLimit()).isEqualTo(adaptive("initialLimit"));
            assertThat(policy.minLimit()).isEqualTo(adaptive("minLimit"));
            assertThat(policy.maxLimit()).isEqualTo(adaptive("maxLimit"));
            assertThat(policy.windowNanos()).isEqualTo(Duration.of((long) adaptive("window"),
                    (ChronoUnit) adaptive("windowUnit")).toNanos());
            assertThat(policy.minSamples()).isEqualTo(adaptive("minSamples"));
            assertThat(policy.liveReserve()).isEqualTo(adaptive("liveReserve"));
        });
        assertThat(engines.adaptivePriority().name()).isEqualTo(adaptive("priority").toString());
        assertThat(engines.hedge().policy().delayNanos()).isEqualTo(Duration.of((long) hedge("delay"),
                (ChronoUnit) hedge("delayUnit")).toNanos());
        assertThat(engines.hedge().policy().maxHedges()).isEqualTo(hedge("maxHedges"));
        assertThat(engines.hedge().policy().percentile()).isEqualTo(hedge("percentile"));
        assertThat(engines.hedgeBudget().policy().ratio()).isEqualTo(hedge("budget"));
        assertThat(engines.hedgeBudget().policy().minRetriesPerSecond()).isEqualTo(hedge("minHedgesPerSecond"));
    }

    private static Object adaptive(String member) throws NoSuchMethodException {
        return AdaptiveBulkhead.class.getMethod(member).getDefaultValue();
    }

    private static Object hedge(String member) throws NoSuchMethodException {
        return Hedge.class.getMethod(member).getDefaultValue();
    }

    private static String titleCase(Object constant) {
        String name = constant.toString();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
