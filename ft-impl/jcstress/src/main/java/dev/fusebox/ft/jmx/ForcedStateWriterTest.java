package dev.fusebox.ft.jmx;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * Proves: whatever order the writes of two racing changes would land in, the kept forcings end
 * equal to the breaker (the overrides file never says forced while memory says released, or the
 * reverse). Each actor changes the breaker and marks it; the writer's drains run on the actors'
 * threads, so they race as writers too. Outcomes are (who forces it in memory, who forces it in
 * the store), {@code automatic} for nobody.
 */
public final class ForcedStateWriterTest {

    private ForcedStateWriterTest() {
    }

    @JCStressTest
    @Description("Operator 1 forces while operator 2 releases: the store ends as memory.")
    @Outcome(id = "op1, op1", expect = ACCEPTABLE, desc = "the release came first (released op0), then op1 forced")
    @Outcome(id = "automatic, automatic", expect = ACCEPTABLE, desc = "op1 forced, then op2 released it")
    @Outcome(id = "automatic, op1", expect = FORBIDDEN,
            desc = "memory released, the store says forced: op1's write landed after op2's")
    @Outcome(id = "op1, automatic", expect = FORBIDDEN,
            desc = "memory forced, the store says released: the release's write landed after op1's")
    @Outcome(id = ".*, op0", expect = FORBIDDEN, desc = "the store kept a forcing nobody holds any more")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ReleaseAgainstForce extends KeptForcings {
        public ReleaseAgainstForce() {
            force(CircuitState.CLOSED, "op0", Forced.NEVER);
        }

        @Actor
        public void operator1() {
            force(CircuitState.OPEN, "op1", Forced.NEVER);
        }

        @Actor
        public void operator2() {
            release("op2");
        }

        @Arbiter
        public void outcome(LL_Result r) {
            r.r1 = inMemory();
            r.r2 = inStore();
        }
    }

    @JCStressTest
    @Description("Operator 1 forces while operator 2 resets: the store ends as memory.")
    @Outcome(id = "op1, op1", expect = ACCEPTABLE, desc = "the reset came first, then op1 forced")
    @Outcome(id = "automatic, automatic", expect = ACCEPTABLE, desc = "op1 forced, then op2 reset the breaker")
    @Outcome(id = "automatic, op1", expect = FORBIDDEN,
            desc = "memory reset, the store says forced: op1's write landed after the reset's")
    @Outcome(id = "op1, automatic", expect = FORBIDDEN,
            desc = "memory forced, the store says reset: the reset's write landed after op1's")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ResetAgainstForce extends KeptForcings {
        @Actor
        public void operator1() {
            force(CircuitState.OPEN, "op1", Forced.NEVER);
        }

        @Actor
        public void operator2() {
            reset("op2");
        }

        @Arbiter
        public void outcome(LL_Result r) {
            r.r1 = inMemory();
            r.r2 = inStore();
        }
    }

    @JCStressTest
    @Description("A forcing that ran out is noticed while operator 2 forces again: the store keeps op2's forcing.")
    @Outcome(id = "op2, op2", expect = ACCEPTABLE,
            desc = "op2's forcing, in memory and in the store (the expiry came first, or never happened)")
    @Outcome(id = "op2, automatic", expect = FORBIDDEN,
            desc = "memory forced by op2, the store says automatic: the expiry's write landed after op2's")
    @Outcome(id = ".*, op0", expect = FORBIDDEN, desc = "the store kept the forcing that ran out")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ExpiryAgainstForce extends KeptForcings {
        public ExpiryAgainstForce() {
            force(CircuitState.OPEN, "op0", now.get() + 10);
            now.addAndGet(20); // op0's forcing has run out; nobody has noticed yet
        }

        @Actor
        public void call() {
            breaker.forced(); // what a call, a read or the sampler does: lets the expired forcing go
        }

        @Actor
        public void operator2() {
            force(CircuitState.CLOSED, "op2", Forced.NEVER);
        }

        @Arbiter
        public void outcome(LL_Result r) {
            r.r1 = inMemory();
            r.r2 = inStore();
        }
    }
}
