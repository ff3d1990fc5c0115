package dev.fusebox.ft.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report over many real breakers stays bounded and lists what matters first. */
class ReadinessReportTest {

    private final VirtualTime time = new VirtualTime();
    private final CircuitBreakerPolicy policy = new CircuitBreakerPolicy(4, 0.5, 1_000_000_000L, 1);

    private List<CircuitBreaker> breakers(int count) {
        List<CircuitBreaker> all = new ArrayList<>();
        // created out of name order: the report sorts
        IntStream.range(0, count).map(i -> count - 1 - i).forEach(i -> all.add(new CircuitBreaker(
                String.format("com.example.Service#m%03d", i), policy, time, CircuitBreakerListener.NONE)));
        return all;
    }

    private static CriticalBreakers critical(String list, List<CircuitBreaker> breakers) {
        List<String> names = breakers.stream().map(CircuitBreaker::name).toList();
        return CriticalBreakers.resolve(list, names, names, BreakerGroups.of(new SmallRyeConfigBuilder().build()));
    }

    private static void forceOpen(List<CircuitBreaker> breakers, int index) {
        breakers.stream().filter(b -> b.name().endsWith(String.format("#m%03d", index))).findFirst().orElseThrow()
                .force(CircuitState.OPEN, "operator", "test", Forced.NEVER);
    }

    @Test
    void manyBreakersAreListedUpToTheBoundWhatHoldsItDownFirstThenWhatIsNotClosed() {
        List<CircuitBreaker> breakers = breakers(150);
        forceOpen(breakers, 149);
        forceOpen(breakers, 120);
        ReadinessReport report = ReadinessReport.of(breakers, critical("com.example.Service#m149", breakers));

        assertThat(report.up()).isFalse();
        List<String> keys = List.copyOf(report.data().keySet());
        assertThat(keys).hasSize(3 + ReadinessReport.MAX_LISTED);
        assertThat(keys.subList(0, 6)).containsExactly("breakers", "down", "unlisted", "com.example.Service#m149",
                "com.example.Service#m120", "com.example.Service#m000");
        assertThat(report.data()).containsEntry("breakers", 150L).containsEntry("unlisted", 50L)
                .containsEntry("down", "com.example.Service#m149")
                .containsEntry("com.example.Service#m149", "FORCED_OPEN")
                .containsEntry("com.example.Service#m120", "FORCED_OPEN")
                .containsEntry("com.example.Service#m097", "CLOSED")
                .doesNotContainKey("com.example.Service#m098");
    }

    @Test
    void theDownListIsBoundedToo() {
        List<CircuitBreaker> breakers = breakers(130);
        IntStream.range(0, 130).forEach(i -> forceOpen(breakers, i));
        String all = String.join(",", breakers.stream().map(CircuitBreaker::name).toList());
        ReadinessReport report = ReadinessReport.of(breakers, critical(all, breakers));

        String down = (String) report.data().get("down");
        assertThat(down).startsWith("com.example.Service#m000, com.example.Service#m001, ")
                .endsWith("com.example.Service#m099, and 30 more");
        assertThat(report.data()).containsEntry("unlisted", 30L);
    }

    @Test
    void aFewBreakersAreAllListedWithoutCounts() {
        List<CircuitBreaker> breakers = breakers(3);
        ReadinessReport report = ReadinessReport.of(breakers, CriticalBreakers.none());
        assertThat(report.up()).isTrue();
        assertThat(report.data().keySet()).containsExactly("breakers", "com.example.Service#m000",
                "com.example.Service#m001", "com.example.Service#m002");
    }
}
