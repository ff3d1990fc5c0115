package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Real threads driving one breaker through all its states at once (zero delay, random outcomes).
 * Bounded in rounds, started by a barrier, no sleeps. Checks what must hold however the threads
 * interleave: no half-open phase admits more than successThreshold trials, every reported
 * transition is one the table allows, and the reported transitions, in the order the listener
 * heard them, form one unbroken path from CLOSED to the final state (none lost, none reported
 * twice, none out of order), which the history ends with too.
 */
class CircuitBreakerRaceTest {

    private static final int ROUNDS = 5_000;
    private static final int SUCCESS_THRESHOLD = 3;

    private final RacingThreads threads = new RacingThreads();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    @RepeatedTest(5)
    void racingCallsNeverOverAdmitTrialsAndLoseNoTransition() throws Exception {
        Queue<CircuitState[]> transitions = new ConcurrentLinkedQueue<>();
        CircuitBreaker breaker = new CircuitBreaker("race", new CircuitBreakerPolicy(4, 0.5, 0, SUCCESS_THRESHOLD),
                () -> 0L, (b, from, to) -> transitions.add(new CircuitState[] {from, to}));
        Map<Phase, AtomicInteger> trialsPerPhase = new ConcurrentHashMap<>();
        threads.race(ROUNDS, () -> {
            Phase admitted = breaker.tryAcquire();
            if (admitted == null) {
                return;
            }
            if (admitted.state == CircuitState.HALF_OPEN) {
                trialsPerPhase.computeIfAbsent(admitted, p -> new AtomicInteger()).incrementAndGet();
            }
            breaker.record(admitted, ThreadLocalRandom.current().nextInt(3) == 0);
        });

        assertThat(trialsPerPhase).as("the race went through half-open phases").isNotEmpty();
        assertThat(trialsPerPhase.values()).allSatisfy(n -> assertThat(n.get()).isBetween(1, SUCCESS_THRESHOLD));
        assertThat(transitions).allSatisfy(move -> assertThat(move[0].canMoveTo(move[1]))
                .as(move[0] + " -> " + move[1]).isTrue());
        List<CircuitState[]> heard = List.copyOf(transitions);
        assertThat(heard.get(0)[0]).as("the first transition heard starts from CLOSED").isEqualTo(CircuitState.CLOSED);
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i)[0]).as("transition %d heard starts where %d ended", i, i - 1)
                    .isEqualTo(heard.get(i - 1)[1]);
        }
        assertThat(heard.get(heard.size() - 1)[1]).isEqualTo(breaker.state());
        List<Transition> history = breaker.transitions();
        for (int back = 1; back <= history.size(); back++) {
            CircuitState[] move = heard.get(heard.size() - back);
            Transition kept = history.get(history.size() - back);
            assertThat(new CircuitState[] {kept.from(), kept.to()}).as("history, %d from the end", back)
                    .isEqualTo(move);
        }
        Map<CircuitState, Integer> balance = new EnumMap<>(CircuitState.class);
        for (CircuitState[] move : transitions) {
            balance.merge(move[0], -1, Integer::sum);
            balance.merge(move[1], 1, Integer::sum);
        }
        for (CircuitState state : CircuitState.values()) {
            int expected = (state == breaker.state() ? 1 : 0) - (state == CircuitState.CLOSED ? 1 : 0);
            assertThat(balance.getOrDefault(state, 0)).as("entries minus exits of " + state).isEqualTo(expected);
        }
    }
}
