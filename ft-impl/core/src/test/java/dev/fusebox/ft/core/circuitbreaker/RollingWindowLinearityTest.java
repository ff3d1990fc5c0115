package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rolling window against a sequential model, and the interleavings of issue 11 item 4 played
 * by hand: a record stopped between its two steps (its slot claimed, the head not advanced) is
 * counted by the next record before that one claims its own position.
 */
class RollingWindowLinearityTest {

    private static RollingWindow filled(int failuresToOpen, String outcomes) {
        RollingWindow window = new RollingWindow(outcomes.length(), failuresToOpen);
        for (char outcome : outcomes.toCharArray()) {
            window.record(outcome == 'F');
        }
        return window;
    }

    @Test
    void aRecordAfterAStalledSuccessSeesTheSuccessNotTheStaleFailureItDisplaced() {
        RollingWindow window = filled(2, "FS"); // ratio 1.0 over 2 calls
        window.claimAndStall(false); // thread A: ticket 2, success, stopped before the head moved

        boolean opened = window.record(true); // thread B: ticket 3, failure

        assertThat(opened).as("the last two outcomes are S F: one failure of the two needed").isFalse();
        assertThat(window.contents()).isEqualTo("SF");
        assertThat(window.failures()).isEqualTo(1);
    }

    @Test
    void aStalledFailureIsCountedBeforeTheNextRecordDisplacesAnything() {
        RollingWindow window = filled(2, "SF");
        window.claimAndStall(true); // F F: would open; its thread stalls before answering

        assertThat(window.record(false)).as("F S after it").isFalse();
        assertThat(window.contents()).isEqualTo("FS");
        assertThat(window.record(true)).as("S F").isFalse();
        assertThat(window.record(true)).as("F F").isTrue();
    }

    @Test
    void aSuccessIntoAFullHealthyWindowChangesNothingAndAFailureStillCounts() {
        RollingWindow window = filled(1, "SSS");
        for (int i = 0; i < 1_000; i++) {
            assertThat(window.record(false)).isFalse();
        }
        assertThat(window.contents()).isEqualTo("SSS");
        assertThat(window.record(true)).isTrue();
        assertThat(window.contents()).isEqualTo("SSF");
    }

    @ParameterizedTest(name = "size {0}, opening at {1}, positions start again after {2} (0: the largest)")
    @CsvSource({"1, 1, 2", "1, 1, 0", "2, 2, 4", "2, 1, 6", "3, 2, 6", "3, 3, 9", "5, 3, 10", "20, 10, 40",
            "20, 10, 0", "64, 32, 128", "100, 50, 0"})
    void everyAnswerAndTheContentsAreThoseOfTheSequenceOfRecords(int size, int failuresToOpen, long positions) {
        RollingWindow window = new RollingWindow(size, failuresToOpen, positions);
        ArrayDeque<Boolean> model = new ArrayDeque<>();
        Random random = new Random(size * 31L + positions);
        for (int i = 0; i < 20 * size + 1_000; i++) {
            boolean failure = random.nextInt(4) == 0 || (i / 50) % 3 == 2; // runs of failures too
            if (model.size() == size) {
                model.removeFirst();
            }
            model.addLast(failure);
            long failures = model.stream().filter(f -> f).count();
            boolean expected = model.size() == size && failures >= failuresToOpen;

            assertThat(window.record(failure)).as("answer of record %d", i).isEqualTo(expected);
            assertThat(window.failures()).as("failures after record %d", i).isEqualTo(failures);
            assertThat(window.recorded()).isEqualTo(model.size());
            StringBuilder contents = new StringBuilder();
            model.forEach(f -> contents.append(f ? 'F' : 'S'));
            assertThat(window.contents()).as("contents after record %d", i).isEqualTo(contents.toString());
        }
    }

    @Test
    void aResizeKeepsTheMostRecentOutcomesAndSealsTheOldWindow() {
        RollingWindow window = filled(3, "SFFSF");

        RollingWindow smaller = window.resized(3, 2);
        RollingWindow larger = window.resized(8, 8);

        assertThat(smaller.contents()).isEqualTo("FSF");
        assertThat(larger.contents()).as("a sealed window can be copied again").isEqualTo("SFFSF");
        assertThat(window.sealed()).isTrue();
        assertThat(window.record(true)).as("a sealed window counts nothing").isFalse();
        assertThat(window.contents()).isEqualTo("SFFSF");
        assertThat(smaller.record(true)).as("S F F").isTrue();
    }

    @Test
    void aClaimStalledWhenTheWindowIsResizedIsInTheCopy() {
        RollingWindow window = filled(2, "SS");
        window.claimAndStall(true);

        assertThat(window.resized(2, 2).contents()).isEqualTo("SF");
    }

    @Test
    void refusesPositionsThatCannotTellALapFromTheNext() {
        assertThatThrownBy(() -> new RollingWindow(3, 1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positions must be a multiple of 3 from 6 to 1152921504606846976: 3");
        assertThatThrownBy(() -> new RollingWindow(CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD + 1, 1))
                .hasMessage("a rolling window holds 1 to 10000 outcomes, not 10001");
    }
}
