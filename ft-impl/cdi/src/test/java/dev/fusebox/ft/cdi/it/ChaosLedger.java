package dev.fusebox.ft.cdi.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The books of a chaos soak: per target, the calls made and how each ended as its caller saw it;
 * the attempts the scripts played; how many method bodies are running now; and the problems found
 * (the first {@value #MAX_PROBLEMS} are kept in full). Counters are LongAdders, so the many callers
 * and worker threads do not contend. Thread-safe.
 */
final class ChaosLedger {

    /** How a call ended, as its caller saw it. Each is documented for some targets only (see {@link ChaosTarget}). */
    enum Outcome { RETURNED, FELL_BACK, RETRYABLE, FATAL, CIRCUIT_OPEN, BULKHEAD_FULL, TIMED_OUT, INTERRUPTED, CANCELLED }

    private static final int MAX_PROBLEMS = 20;

    private final LongAdder[] made;
    private final LongAdder[] attempts;
    private final LongAdder[][] outcomes;
    private final LongAdder entered = new LongAdder();
    private final LongAdder left = new LongAdder();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger problemCount = new AtomicInteger();

    ChaosLedger() {
        int targets = ChaosTarget.values().length;
        made = adders(targets);
        attempts = adders(targets);
        outcomes = new LongAdder[targets][];
        for (int i = 0; i < targets; i++) {
            outcomes[i] = adders(Outcome.values().length);
        }
    }

    void callMade(ChaosTarget target) {
        made[target.ordinal()].increment();
    }

    void book(ChaosTarget target, Outcome outcome, ChaosScript script) {
        outcomes[target.ordinal()][outcome.ordinal()].increment();
        attempts[target.ordinal()].add(script.attempts());
    }

    long made(ChaosTarget target) {
        return made[target.ordinal()].sum();
    }

    long count(ChaosTarget target, Outcome outcome) {
        return outcomes[target.ordinal()][outcome.ordinal()].sum();
    }

    long booked(ChaosTarget target) {
        long sum = 0;
        for (LongAdder outcome : outcomes[target.ordinal()]) {
            sum += outcome.sum();
        }
        return sum;
    }

    long total(Outcome outcome) {
        long sum = 0;
        for (LongAdder[] target : outcomes) {
            sum += target[outcome.ordinal()].sum();
        }
        return sum;
    }

    long madeTotal() {
        long sum = 0;
        for (LongAdder calls : made) {
            sum += calls.sum();
        }
        return sum;
    }

    /** Attempts played by the scripts of the booked calls of {@code target}. */
    long attempts(ChaosTarget target) {
        return attempts[target.ordinal()].sum();
    }

    void entered() {
        entered.increment();
    }

    void left() {
        left.increment();
    }

    /** Method bodies running now (exact only when nothing enters or leaves meanwhile). */
    long executing() {
        return entered.sum() - left.sum();
    }

    void problem(String description) {
        if (problemCount.getAndIncrement() < MAX_PROBLEMS) {
            problems.add(description);
        }
    }

    void problem(String description, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        problem(description + "\n" + trace);
    }

    /** Whether any problem was reported; callers stop taking calls once one was. */
    boolean failed() {
        return problemCount.get() > 0;
    }

    int problemCount() {
        return problemCount.get();
    }

    List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** One line per target: calls made and each outcome's count. */
    String table() {
        StringBuilder table = new StringBuilder(String.format("%-22s %9s", "target", "made"));
        for (Outcome outcome : Outcome.values()) {
            table.append(String.format(" %13s", outcome));
        }
        for (ChaosTarget target : ChaosTarget.values()) {
            table.append(String.format("%n%-22s %9d", target.method, made(target)));
            for (Outcome outcome : Outcome.values()) {
                table.append(String.format(" %13d", count(target, outcome)));
            }
        }
        return table.toString();
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
