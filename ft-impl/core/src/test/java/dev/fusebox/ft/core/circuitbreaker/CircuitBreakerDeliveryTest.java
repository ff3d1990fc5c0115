package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transitions reach the history and the listeners in phase order, each once, also when two
 * threads make transitions while one of them is still delivering, and when a listener itself makes
 * one. Latches, no sleeps.
 */
class CircuitBreakerDeliveryTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final ExecutorService operator = Executors.newSingleThreadExecutor();
    private final CircuitBreaker breaker = new CircuitBreaker("payments",
            new CircuitBreakerPolicy(4, 0.5, TimeUnit.SECONDS.toNanos(60), 1), time, CircuitBreakerListener.NONE);

    @AfterEach
    void stop() throws InterruptedException {
        operator.shutdownNow();
        assertThat(operator.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static String move(Transition transition) {
        return transition.from() + ">" + transition.to();
    }

    private List<String> history() {
        return breaker.transitions().stream().map(CircuitBreakerDeliveryTest::move).toList();
    }

    @Test
    void aLaterTransitionWaitsForTheDeliveryOfAnEarlierOneStillRunning() throws Exception {
        CountDownLatch firstBeingDelivered = new CountDownLatch(1);
        CountDownLatch letFirstGo = new CountDownLatch(1);
        breaker.listen((b, from, to) -> {
            if (to == CircuitState.OPEN && firstBeingDelivered.getCount() > 0) {
                firstBeingDelivered.countDown();
                await(letFirstGo);
            }
        });
        breaker.listen((b, from, to) -> heard.add(from + ">" + to));

        Future<Transition> forcedOpen = operator.submit(
                () -> breaker.force(CircuitState.OPEN, "alice", "outage", Forced.NEVER));
        assertThat(firstBeingDelivered.await(10, TimeUnit.SECONDS)).isTrue();
        Transition forcedClosed = breaker.force(CircuitState.CLOSED, "bob", "false alarm", Forced.NEVER);
        assertThat(move(forcedClosed)).as("the second transition was made").isEqualTo("OPEN>CLOSED");
        letFirstGo.countDown();
        forcedOpen.get(10, TimeUnit.SECONDS);

        assertThat(heard).as("the second listener, in phase order").containsExactly("CLOSED>OPEN", "OPEN>CLOSED");
        assertThat(history()).containsExactly("CLOSED>OPEN", "OPEN>CLOSED");
    }

    @Test
    void aTransitionMadeByAListenerIsDeliveredAfterTheOneItHeard() {
        breaker.listen((b, from, to) -> {
            if (to == CircuitState.OPEN) {
                b.release("auto-release");
            }
        });
        breaker.listen((b, from, to) -> heard.add(from + ">" + to));

        breaker.force(CircuitState.OPEN, "alice", "outage", Forced.NEVER);

        assertThat(heard).containsExactly("CLOSED>OPEN", "OPEN>HALF_OPEN");
        assertThat(history()).containsExactly("CLOSED>OPEN", "OPEN>HALF_OPEN");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first delivery go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
