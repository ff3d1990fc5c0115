package dev.fusebox.ft.core.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limit in virtual time: each algorithm's response to busy and idle windows, drops
 * and latency steps; the live reserve; a lowered limit; places never leaked. One simulated window
 * at a time: as many calls as asked (or the limit admits) start at the window's start and end at
 * its end after {@code rtt}.
 */
class AdaptiveLimitTest {

    private static final long MS = 1_000_000L;
    private static final long WINDOW = 1_000 * MS;

    private long now = 5_000 * MS;

    private AdaptiveLimit limit(LimitAlgorithm algorithm, int initial, int min, int max) {
        return new AdaptiveLimit("test", new AdaptiveLimitPolicy(algorithm, initial, min, max, WINDOW, 1, 0.1), now);
    }

    /** One window with {@code calls} live calls (at most what the limit admits) of {@code rtt}; returns the limit after it. */
    private int window(AdaptiveLimit limit, int calls, long rtt, boolean drop) {
        int admitted = 0;
        while (admitted < calls && limit.tryAcquire(Priority.LIVE)) {
            admitted++;
        }
        now += WINDOW;
        for (int i = 0; i < admitted; i++) {
            long end = i == admitted - 1 ? now : now - 1;
            limit.release(end - rtt, end, drop && i == 0);
        }
        assertThat(limit.inflight()).isZero();
        return limit.limit();
    }

    /** A window that uses the whole limit. */
    private int busy(AdaptiveLimit limit, long rtt) {
        return window(limit, limit.limit(), rtt, false);
    }

    @Test
    void aimdAddsOnePerBusyWindowAndMultipliesOnADrop() {
        AdaptiveLimit limit = limit(AimdAlgorithm.defaults(), 10, 1, 20);
        assertThat(busy(limit, 10 * MS)).isEqualTo(11);
        assertThat(busy(limit, 10 * MS)).isEqualTo(12);
        assertThat(window(limit, 12, 10 * MS, true)).as("floor(12 * 0.9)").isEqualTo(10);
        assertThat(window(limit, 4, 10 * MS, false)).as("4 of 10 in use: says nothing about more").isEqualTo(10);
        assertThat(window(limit, 5, 10 * MS, false)).as("half in use").isEqualTo(11);
    }

    @Test
    void aimdCountsARoundTripAboveItsTimeoutAsADrop() {
        AdaptiveLimit limit = limit(new AimdAlgorithm(0.5, 100 * MS), 16, 1, 20);
        assertThat(busy(limit, 99 * MS)).isEqualTo(17);
        assertThat(busy(limit, 101 * MS)).isEqualTo(8);
    }

    @Test
    void aimdStaysWithinItsBounds() {
        AdaptiveLimit limit = limit(new AimdAlgorithm(0.5, 100 * MS), 4, 2, 6);
        for (int i = 0; i < 10; i++) {
            busy(limit, MS);
        }
        assertThat(limit.limit()).isEqualTo(6);
        for (int i = 0; i < 10; i++) {
            window(limit, 6, MS, true);
        }
        assertThat(limit.limit()).isEqualTo(2);
    }

    @Test
    void gradientGrowsAtItsBaselineShrinksWhenLatencyStepsUpAndGrowsAgainOnceTheStepIsTheBaseline() {
        AdaptiveLimit limit = limit(GradientAlgorithm.defaults(), 20, 5, 200);
        List<Integer> trace = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trace.add(busy(limit, 20 * MS));
        }
        assertThat(trace.get(19)).as("0.2 * queue 4 = 0.8 a window for 20 windows").isBetween(35, 37);
        int before = limit.limit();

        for (int i = 0; i < 10; i++) {
            busy(limit, 100 * MS);
        }
        // gradient clamp(1.5 * 20 / 100) = 0.5: each window keeps 0.8 + 0.2 * 0.5 = 0.9 of the limit
        assertThat(limit.limit()).as("ten windows at five times the latency").isBetween((int) (before * 0.32), (int) (before * 0.37));

        int low = limit.limit();
        for (int i = 0; i < 600; i++) {
            busy(limit, 100 * MS);
        }
        assertThat(limit.estimate().longRtt()).as("the step became the baseline").isGreaterThan(80.0 * MS);
        assertThat(limit.limit()).as("grows again at the new baseline").isGreaterThan(low + 50);
    }

    @Test
    void gradientForgetsAHighBaselineQuicklyOnceLatencyFallsBack() {
        AdaptiveLimit limit = limit(GradientAlgorithm.defaults(), 20, 5, 200);
        for (int i = 0; i < 20; i++) {
            busy(limit, 200 * MS);
        }
        double high = limit.estimate().longRtt();
        for (int i = 0; i < 30; i++) {
            busy(limit, 20 * MS);
        }
        assertThat(limit.estimate().longRtt()).as("5 %% a window while more than twice the window's")
                .isLessThan(high * 0.35);
    }

    @Test
    void gradientTakesADropAsAGradientOfOneHalfEvenWhenFast() {
        AdaptiveLimit limit = limit(GradientAlgorithm.defaults(), 100, 5, 200);
        busy(limit, 20 * MS);
        int before = limit.limit();
        window(limit, before, MS, true);
        assertThat(limit.limit()).isEqualTo((int) (limit.estimate().limit()));
        assertThat(limit.estimate().limit()).isLessThan(before * 0.91);
    }

    @Test
    void anIdleWindowOnlyFeedsTheBaseline() {
        AdaptiveLimit limit = limit(GradientAlgorithm.defaults(), 40, 5, 200);
        for (int i = 0; i < 5; i++) {
            window(limit, 10, 20 * MS, false);
        }
        assertThat(limit.limit()).isEqualTo(40);
        assertThat(limit.estimate().longRtt()).isEqualTo(20.0 * MS);
    }

    @Test
    void batchCallsLeaveTheLiveReserveFree() {
        AdaptiveLimit limit = new AdaptiveLimit("test",
                new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 10, 1, 20, WINDOW, 1, 0.2), now);
        for (int i = 0; i < 8; i++) {
            assertThat(limit.tryAcquire(Priority.BATCH)).as("batch %d", i).isTrue();
        }
        assertThat(limit.tryAcquire(Priority.BATCH)).as("only the live reserve is left").isFalse();
        assertThat(limit.tryAcquire(Priority.LIVE)).isTrue();
        assertThat(limit.tryAcquire(Priority.LIVE)).isTrue();
        assertThat(limit.tryAcquire(Priority.LIVE)).as("the limit").isFalse();
        assertThat(limit.inflight()).isEqualTo(10);
    }

    @Test
    void aLoweredLimitRevokesNothingAndRefusesUntilTheCountIsBelowIt() {
        AdaptiveLimit limit = limit(new AimdAlgorithm(0.5, 100 * MS), 8, 1, 20);
        for (int i = 0; i < 8; i++) {
            assertThat(limit.tryAcquire(Priority.LIVE)).isTrue();
        }
        limit.release(now, now + MS, true);
        limit.closeWindow(now + WINDOW);
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(limit.inflight()).isEqualTo(7);
        for (int i = 0; i < 4; i++) {
            assertThat(limit.tryAcquire(Priority.LIVE)).as("%d in flight under a limit of 4", 7 - i).isFalse();
            limit.releaseIgnored();
        }
        assertThat(limit.tryAcquire(Priority.LIVE)).as("3 in flight under a limit of 4").isTrue();
    }

    @Test
    void aPlaceGivenBackThatWasNeverTakenIsRefused() {
        AdaptiveLimit limit = limit(AimdAlgorithm.defaults(), 2, 1, 20);
        assertThatThrownBy(limit::releaseIgnored).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never taken");
        assertThat(limit.inflight()).isZero();
    }

    @Test
    void aWindowStaysOpenUntilItHasItsSamples() {
        AdaptiveLimit limit = new AdaptiveLimit("test",
                new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 4, 1, 20, WINDOW, 3, 0), now);
        for (int i = 0; i < 4; i++) {
            limit.tryAcquire(Priority.LIVE);
        }
        now += 2 * WINDOW;
        limit.release(now - MS, now, false);
        limit.release(now - MS, now, false);
        assertThat(limit.estimate().windows()).as("two samples of three").isZero();
        limit.release(now - MS, now, false);
        assertThat(limit.estimate().windows()).isEqualTo(1);
        assertThat(limit.limit()).isEqualTo(5);
        limit.releaseIgnored();
    }

    @Test
    void badPoliciesAreRefusedWithTheirBounds() {
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 5, 6, 20, WINDOW, 1, 0))
                .hasMessageContaining("initialLimit must lie within [6, 20]: 5");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 5, 1, 10_001, WINDOW, 1, 0))
                .hasMessageContaining("maxLimit <= 10000");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 5, 1, 20, 999_999, 1, 0))
                .hasMessageContaining("from 1 ms to 1 hour");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 5, 1, 20, WINDOW, 10_001, 0))
                .hasMessageContaining("minSamples must be from 1 to 10000: 10001");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 5, 1, 20, WINDOW, 1, 0.95))
                .hasMessageContaining("liveReserve must be from 0 to 0.9");
        assertThatThrownBy(() -> new AimdAlgorithm(1.0, WINDOW)).hasMessageContaining("0.5 to 0.99");
        assertThatThrownBy(() -> new GradientAlgorithm(0.9, 0.2, 600, 4)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new GradientAlgorithm(1.5, 0, 600, 4)).hasMessageContaining("smoothing");
        assertThatThrownBy(() -> new GradientAlgorithm(1.5, 0.2, 0, 4)).hasMessageContaining("long window");
        assertThatThrownBy(() -> new GradientAlgorithm(1.5, 0.2, 600, -1)).hasMessageContaining("queue");
    }

    @Test
    void historyKeepsTheLastClosedWindowsInOrderWithWhatEachSawAndTheLimitItSet() {
        AdaptiveLimit limit = limit(AimdAlgorithm.defaults(), 10, 1, 500);
        assertThat(limit.history()).isEmpty();
        busy(limit, 10 * MS);
        window(limit, 3, 20 * MS, true);
        List<ClosedWindow> two = limit.history();
        assertThat(two).extracting(ClosedWindow::number).containsExactly(1L, 2L);
        assertThat(two.get(0).limit()).isEqualTo(11);
        assertThat(two.get(0).seen().samples()).isEqualTo(10);
        assertThat(two.get(0).seen().averageRttNanos()).isEqualTo(10 * MS);
        assertThat(two.get(1).seen().dropped()).isTrue();
        assertThat(two.get(1).limit()).as("floor(11 * 0.9)").isEqualTo(9);
        assertThat(two.get(1).endedNanos()).isEqualTo(now);
        for (int i = 0; i < AdaptiveLimit.HISTORY + 5; i++) {
            window(limit, 1, MS, false);
        }
        List<ClosedWindow> kept = limit.history();
        assertThat(kept).hasSize(AdaptiveLimit.HISTORY);
        assertThat(kept.get(0).number()).isEqualTo(8);
        assertThat(kept.get(kept.size() - 1).number()).isEqualTo(AdaptiveLimit.HISTORY + 7);
        assertThat(kept.get(kept.size() - 1).limit()).isEqualTo(limit.limit());
    }

    @Test
    void refusalsAreCountedByPriority() {
        AdaptiveLimit limit = new AdaptiveLimit("test", new AdaptiveLimitPolicy(AimdAlgorithm.defaults(), 10, 1, 20,
                WINDOW, 1, 0.2), now);
        for (int i = 0; i < 8; i++) {
            assertThat(limit.tryAcquire(Priority.BATCH)).isTrue();
        }
        assertThat(limit.tryAcquire(Priority.BATCH)).as("only the live reserve is left").isFalse();
        assertThat(limit.tryAcquire(Priority.LIVE)).isTrue();
        assertThat(limit.tryAcquire(Priority.LIVE)).isTrue();
        assertThat(limit.tryAcquire(Priority.LIVE)).isFalse();
        assertThat(limit.tryAcquire(Priority.BATCH)).isFalse();
        assertThat(limit.refused(Priority.LIVE)).isEqualTo(1);
        assertThat(limit.refused(Priority.BATCH)).isEqualTo(2);
    }
}
