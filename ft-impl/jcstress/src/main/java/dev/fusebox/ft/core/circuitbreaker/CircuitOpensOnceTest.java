package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIL_Result;

// Proves: failures that cross the opening threshold together open the circuit exactly once. Two
// callers each make two failing calls into a closed breaker whose window (3 calls, ratio 1.0) is
// full at the third record: exactly one record(...) reports that it opened the circuit, the
// listener hears exactly one CLOSED -> OPEN, and the breaker ends OPEN. The fourth call is either
// rejected (already open) or admitted into the same closed phase, where its record wraps the
// window and may even be the one that opens it: all fine, as long as there is one opener.
// (Two actors, not more: jcstress skips tests with more actors than CPUs, and CI has 2.)
@JCStressTest
@Description("Concurrent failures crossing the threshold produce exactly one CLOSED -> OPEN transition.")
@Outcome(id = "1, 1, OPEN", expect = ACCEPTABLE,
        desc = "(record() calls that opened, CLOSED -> OPEN transitions heard, final state)")
@Outcome(id = "0, .*", expect = FORBIDDEN,
        desc = "no record() reported the opening: the crossing of the threshold was missed")
@Outcome(id = "[2-9], .*", expect = FORBIDDEN,
        desc = "several record() calls claim the same opening")
@Outcome(id = ".*, [02-9], .*", expect = FORBIDDEN,
        desc = "the listener was not told exactly once")
@Outcome(id = ".*, (CLOSED|HALF_OPEN)", expect = FORBIDDEN,
        desc = "a full window of failures left the circuit not open")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
public class CircuitOpensOnceTest {

    private final CountingBreaker counting = CountingBreaker.closed(3, 1.0);
    private int firstOpened;
    private int secondOpened;

    @Actor
    public void firstCaller() {
        firstOpened = opened(counting.failingCall()) + opened(counting.failingCall());
    }

    @Actor
    public void secondCaller() {
        secondOpened = opened(counting.failingCall()) + opened(counting.failingCall());
    }

    @Arbiter
    public void outcome(IIL_Result r) {
        r.r1 = firstOpened + secondOpened;
        r.r2 = counting.transitionsTo(CircuitState.OPEN);
        r.r3 = counting.state();
    }

    private static int opened(String call) {
        return "opened".equals(call) ? 1 : 0;
    }
}
