package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LZ_Result;

// Proves: transitions made at once by two threads reach the listeners and the history in phase
// order, each exactly once (issue 11, item 6): the transitions heard form one unbroken path from
// the state the breaker started in to the state it ends in, and the history lists the same ones in
// the same order. Result fields: (transitions heard, oldest first, as from>to; history equal to
// what was heard).
public class TransitionOrderTest {

    @JCStressTest
    @Description("An operator forces a closed breaker open while another forces it closed.")
    @Outcome(id = "CLOSED>OPEN OPEN>CLOSED, true", expect = ACCEPTABLE, desc = "forced open, then forced closed")
    @Outcome(id = "CLOSED>CLOSED CLOSED>OPEN, true", expect = ACCEPTABLE, desc = "forced closed, then forced open")
    @Outcome(id = {"OPEN>CLOSED CLOSED>OPEN, .*", "CLOSED>OPEN CLOSED>CLOSED, .*"}, expect = FORBIDDEN,
            desc = "delivered out of phase order: the later transition was heard first")
    @Outcome(id = ".*, false", expect = FORBIDDEN, desc = "the history and the listener disagree")
    @Outcome(expect = FORBIDDEN, desc = "anything else (a transition lost or heard twice)")
    @State
    public static class TwoForcings {

        private final Queue<String> heard = new ConcurrentLinkedQueue<>();
        private final CircuitBreaker breaker = new CircuitBreaker("jcstress",
                new CircuitBreakerPolicy(1, 1.0, Long.MAX_VALUE, 1), () -> 0L,
                (b, from, to) -> heard.add(from + ">" + to));

        @Actor
        public void forceOpen() {
            breaker.force(CircuitState.OPEN, "jcstress", "outage", Forced.NEVER);
        }

        @Actor
        public void forceClosed() {
            breaker.force(CircuitState.CLOSED, "jcstress", "false alarm", Forced.NEVER);
        }

        @Arbiter
        public void outcome(LZ_Result r) {
            List<String> inOrder = List.copyOf(heard);
            r.r1 = String.join(" ", inOrder);
            r.r2 = breaker.transitions().stream().map(t -> t.from() + ">" + t.to()).collect(Collectors.toList())
                    .equals(inOrder);
        }
    }
}
