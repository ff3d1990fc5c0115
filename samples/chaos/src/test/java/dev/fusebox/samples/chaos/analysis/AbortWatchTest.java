package dev.fusebox.samples.chaos.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.samples.chaos.model.AbortRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Abort rules fire on consecutive seconds above their limit, and only then. */
class AbortWatchTest {

    private final AbortWatch watch = new AbortWatch(List.of(new AbortRule(7, AbortRule.Metric.ERRORS, 0.5, 3),
            new AbortRule(8, AbortRule.Metric.P99, 2000, 2)));

    @Test
    void aRuleFiresAfterItsConsecutiveSecondsAndABreakInBetweenStartsOver() {
        assertThat(watch.accept(errors(0, 60))).isEmpty();
        assertThat(watch.accept(errors(1, 60))).isEmpty();
        assertThat(watch.accept(errors(2, 50))).as("50% is not above 50%").isEmpty();
        assertThat(watch.accept(errors(3, 80))).isEmpty();
        assertThat(watch.accept(errors(4, 90))).isEmpty();
        assertThat(watch.accept(errors(5, 100))).hasValue("abort rule of line 7 (errors > 50% for 3 s) fired at"
                + " second 5: errors 100.0% in seconds 3 to 5");
    }

    @Test
    void latencyRulesAndSecondsWithoutAnswers() {
        assertThat(watch.accept(slow(0, 2500))).isEmpty();
        assertThat(watch.accept(new SecondStats(1, 10, 0, 0, 0, 0, 0, 0, Map.of()))).as("no answers: no evidence")
                .isEmpty();
        assertThat(watch.accept(slow(2, 2500))).isEmpty();
        assertThat(watch.accept(slow(3, 2001))).map(why -> why.replaceAll(":.*", ""))
                .isEqualTo(Optional.of("abort rule of line 8 (p99 > 2000 ms for 2 s) fired at second 3"));
    }

    @Test
    void secondsComeInOrder() {
        watch.accept(errors(0, 0));
        assertThatThrownBy(() -> watch.accept(errors(2, 0))).hasMessage("expected second 1, got 2");
    }

    private static SecondStats errors(int second, int errorsOfHundred) {
        return new SecondStats(second, 100, 100, 100 - errorsOfHundred, 0, 10, 20, 30,
                errorsOfHundred == 0 ? Map.of() : Map.of("502", errorsOfHundred));
    }

    private static SecondStats slow(int second, double p99) {
        return new SecondStats(second, 100, 100, 100, 0, p99 / 2, p99, p99, Map.of());
    }
}
