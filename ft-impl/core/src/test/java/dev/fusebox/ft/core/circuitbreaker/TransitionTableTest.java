package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state machine obeys its own transition table: an automatic transition that the table does
 * not list is refused before its CAS, and the operator's moves (which may leave any state) keep
 * their own rows.
 */
class TransitionTableTest {

    private final VirtualTime time = new VirtualTime();
    private final List<Transition> heard = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker("table", new CircuitBreakerPolicy(1, 1.0, 1_000, 1), time,
            new CircuitBreakerListener() {
                @Override
                public void onStateChange(CircuitBreaker b, CircuitState from, CircuitState to) {
                }

                @Override
                public void onTransition(CircuitBreaker b, Transition transition) {
                    heard.add(transition);
                }
            });
    private final CurrentPhase phase = new CurrentPhase(breaker, breaker.policy(), time, new TransitionDelivery(4));

    @Test
    void anAutomaticTransitionOutsideTheTableIsRefusedAndChangesNothing() {
        Phase closed = phase.get();

        assertThatThrownBy(() -> phase.moveTo(closed, CircuitState.HALF_OPEN, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("circuit breaker table: AUTOMATIC transition CLOSED -> HALF_OPEN is not in the"
                        + " transition table");
        assertThat(phase.get()).as("the phase is untouched").isSameAs(closed);
    }

    @Test
    void anAutomaticTransitionFromOpenStraightToClosedIsRefused() {
        Phase closed = phase.get();
        assertThat(phase.moveTo(closed, CircuitState.OPEN, null)).isTrue();
        Phase open = phase.get();

        assertThatThrownBy(() -> phase.moveTo(open, CircuitState.CLOSED, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPEN -> CLOSED is not in the transition table");
        assertThat(phase.get()).isSameAs(open);
    }

    @Test
    void theTableListsTheAutomaticMovesOfTheSpecification() {
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.CLOSED, CircuitState.OPEN)).isTrue();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.OPEN, CircuitState.HALF_OPEN)).isTrue();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.HALF_OPEN, CircuitState.CLOSED)).isTrue();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.HALF_OPEN, CircuitState.OPEN)).isTrue();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.CLOSED, CircuitState.HALF_OPEN)).isFalse();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.OPEN, CircuitState.CLOSED)).isFalse();
        assertThat(Transition.Kind.AUTOMATIC.permits(CircuitState.CLOSED, CircuitState.CLOSED)).isFalse();
    }

    @Test
    void theOperatorsRowsLetForcingsAndResetsLeaveAnyState() {
        for (CircuitState from : CircuitState.values()) {
            assertThat(Transition.Kind.FORCED.permits(from, CircuitState.OPEN)).as("force open from " + from).isTrue();
            assertThat(Transition.Kind.FORCED.permits(from, CircuitState.CLOSED)).as("force closed from " + from)
                    .isTrue();
            assertThat(Transition.Kind.FORCED.permits(from, CircuitState.HALF_OPEN)).isFalse();
            assertThat(Transition.Kind.RESET.permits(from, CircuitState.CLOSED)).as("reset from " + from).isTrue();
            assertThat(Transition.Kind.RESET.permits(from, CircuitState.OPEN)).isFalse();
        }
        for (Transition.Kind handBack : List.of(Transition.Kind.RELEASED, Transition.Kind.EXPIRED)) {
            assertThat(handBack.permits(CircuitState.OPEN, CircuitState.HALF_OPEN)).as(handBack + " of open").isTrue();
            assertThat(handBack.permits(CircuitState.CLOSED, CircuitState.CLOSED)).as(handBack + " of closed").isTrue();
            assertThat(handBack.permits(CircuitState.OPEN, CircuitState.CLOSED)).isFalse();
        }
    }

    @Test
    void everyTransitionOfAnOperatorDrillIsInTheTable() {
        breaker.force(CircuitState.OPEN, "ops", "drill", Forced.NEVER);
        breaker.release("ops");
        breaker.force(CircuitState.CLOSED, "ops", "drill", time.nanoTime() + 10);
        time.advance(java.time.Duration.ofNanos(10));
        breaker.state();
        breaker.reset("ops", "drill");
        breaker.force(CircuitState.CLOSED, "ops", "drill", Forced.NEVER);
        breaker.release("ops");

        assertThat(heard).extracting(Transition::kind).containsExactly(Transition.Kind.FORCED,
                Transition.Kind.RELEASED, Transition.Kind.FORCED, Transition.Kind.EXPIRED, Transition.Kind.RESET,
                Transition.Kind.FORCED, Transition.Kind.RELEASED);
        assertThat(heard).allSatisfy(t -> assertThat(t.kind().permits(t.from(), t.to()))
                .as(t.kind() + " " + t.from() + " -> " + t.to()).isTrue());
    }
}
