package dev.fusebox.ft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test clock itself: engine tests are only as good as it is. */
class VirtualTimeTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> ran = new ArrayList<>();

    @Test
    void tasksRunInDueOrderOnlyWhenTheClockReachesThem() {
        long start = time.nanoTime();
        time.schedule(() -> ran.add("30"), 30);
        time.schedule(() -> ran.add("10"), 10);
        time.schedule(() -> ran.add("10 again"), 10);
        time.schedule(() -> ran.add("now"), 0);
        assertThat(ran).as("scheduling never runs a task on the caller's stack").isEmpty();
        time.runDue();
        assertThat(ran).containsExactly("now");
        time.advance(Duration.ofNanos(9));
        assertThat(ran).containsExactly("now");
        time.advance(Duration.ofNanos(25));
        assertThat(ran).containsExactly("now", "10", "10 again", "30");
        assertThat(time.nanoTime() - start).isEqualTo(34);
    }

    @Test
    void aTaskSeesTheClockAtItsDueTimeAndMayScheduleAnotherThatFallsDueInTheSameAdvance() {
        long start = time.nanoTime();
        time.schedule(() -> {
            ran.add("first at " + (time.nanoTime() - start));
            time.schedule(() -> ran.add("second at " + (time.nanoTime() - start)), 5);
        }, 10);
        time.advance(Duration.ofNanos(100));
        assertThat(ran).containsExactly("first at 10", "second at 15");
        assertThat(time.nanoTime() - start).isEqualTo(100);
    }

    @Test
    void cancelledTasksNeverRun() {
        time.schedule(() -> ran.add("cancelled"), 10).cancel();
        time.schedule(() -> ran.add("kept"), 10);
        assertThat(time.pending()).isEqualTo(1);
        time.advance(Duration.ofNanos(10));
        assertThat(ran).containsExactly("kept");
        assertThat(time.pending()).isZero();
    }

    @Test
    void sleepingAdvancesTheClockAndRunsDueTasks() throws InterruptedException {
        long start = time.nanoTime();
        time.schedule(() -> ran.add("woke"), 50);
        time.sleep(100);
        assertThat(time.nanoTime() - start).isEqualTo(100);
        assertThat(ran).containsExactly("woke");
        assertThat(time.slept()).containsExactly(100L);
    }

    @Test
    void sleepingHonoursInterruptsLikeARealSleep() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> time.sleep(10)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        time.schedule(() -> Thread.currentThread().interrupt(), 5);
        assertThatThrownBy(() -> time.sleep(10)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theLargestDelaysSaturateInsteadOfWrappingIntoThePast() {
        time.schedule(() -> ran.add("never"), Long.MAX_VALUE);
        time.advance(Duration.ofDays(365L * 200));
        assertThat(ran).isEmpty();
        time.advance(Duration.ofDays(365L * 200));
        assertThat(time.nanoTime()).as("the clock stops at the end of time").isEqualTo(Long.MAX_VALUE);
    }
}
