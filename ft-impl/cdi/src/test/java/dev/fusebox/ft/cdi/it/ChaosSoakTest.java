package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.it.ChaosLedger.Outcome;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chaos soak: many caller threads call the guarded methods of {@link ChaosTargets} in a real Weld
 * container with real SmallRye Metrics, synchronous ones and asynchronous ones (Future and
 * CompletionStage) under Bulkhead (with and without a waiting queue), CircuitBreaker, Retry,
 * Timeout, Fallback and all of them at once. Each call plays a script drawn from its caller's seeded
 * random ({@link ChaosScript}): return, pause for microseconds, throw a retried or an aborting
 * exception, overrun the timeout, ignore interrupts for a while, or hang until interrupted. Callers
 * cancel some asynchronous calls (with and without interrupt) and have some synchronous calls
 * interrupted ({@link ChaosCaller}).
 *
 * <p>Once all callers have joined and every chain has settled (bounded waits throughout), it checks:
 * <ul>
 * <li>every call ended in an outcome its method documents ({@link ChaosTarget#outcome}); anything
 *     else, a call that never completed, an interrupt that leaked to a caller, or a hang nobody
 *     interrupted fails the test with the stack trace and the script;</li>
 * <li>per method, calls made = returned + fell back + each documented exception, exactly;</li>
 * <li>{@code ft.invocations.total} agrees. A call is counted there once, when its chain settles,
 *     under the chain's own outcome; so a cancelled call is counted too, but not necessarily as the
 *     CancellationException its caller saw (the method may have finished anyway). Hence for
 *     synchronous methods each label equals the callers' count exactly; for asynchronous ones the
 *     labels sum to the calls made exactly, and each label is at least the callers' count, the
 *     difference being the cancelled calls;</li>
 * <li>where a single policy makes it exact, its own counters agree too (bulkhead rejections, sync
 *     timeouts, breaker results, retries = attempts played minus calls);</li>
 * <li>no method body is still running, and every bulkhead's {@code ft.bulkhead.executionsRunning}
 *     and {@code ft.bulkhead.executionsWaiting} gauges read 0;</li>
 * <li>no thread of Fusebox outlives the container ({@link ThreadHygiene}).</li>
 * </ul>
 *
 * <p>By default it makes {@value #SHORT_CALLS} calls or runs {@value #SHORT_SECONDS} s, whichever
 * ends first. System properties: {@code fusebox.soak.calls}, {@code fusebox.soak.seconds} (default
 * {@value #SHORT_SECONDS}, or {@value #LONG_SECONDS} when the calls are given), {@code
 * fusebox.soak.callers} (default {@value #CALLERS}) and {@code fusebox.soak.seed} (printed at the
 * start; a rerun with it replays the same scripts, though not the same thread timing). The long
 * run, from the repository root (ft-impl/cdi/README.md has it with the shared machine's lock, and
 * three runs in a row):
 * <pre>
 * ./mvnw -B -ntp -o -pl ft-impl/cdi -am test -Dtest=ChaosSoakTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfusebox.soak.calls=10000000 -Dfusebox.soak.seconds=600
 * </pre>
 * ({@code -Dtest} also selects this class in the {@code no-metrics-libraries} surefire execution;
 * there it is skipped by an assumption, as that class path has no metrics library.)
 */
@ExtendWith(ThreadHygiene.class)
class ChaosSoakTest {

    static final long SHORT_CALLS = 150_000;
    static final long SHORT_SECONDS = 20;
    static final long LONG_SECONDS = 24 * 3600;
    static final int CALLERS = 12;

    /** For the callers to finish their last call after the time is up: a call's patience plus a hang's limit, and some. */
    private static final Duration JOIN_PATIENCE = Duration.ofSeconds(
            ChaosCaller.CALL_PATIENCE_SECONDS + TimeUnit.MILLISECONDS.toSeconds(ChaosScript.HANG_LIMIT_MILLIS) + 10);
    /** For cancelled and timed-out calls to settle once the callers are done; more than a hang's limit. */
    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(15);

    private record Settings(long calls, long seconds, int callers, long seed) {
        static Settings fromSystemProperties() {
            String calls = System.getProperty("fusebox.soak.calls");
            return new Settings(calls == null ? SHORT_CALLS : Long.parseLong(calls),
                    Long.getLong("fusebox.soak.seconds", calls == null ? SHORT_SECONDS : LONG_SECONDS),
                    Integer.getInteger("fusebox.soak.callers", CALLERS),
                    Long.getLong("fusebox.soak.seed", new SplittableRandom().nextLong()));
        }

        @Override
        public String toString() {
            return "calls=" + calls + " seconds=" + seconds + " callers=" + callers + " seed=" + seed
                    + " (rerun with -Dfusebox.soak.seed=" + seed + ")";
        }
    }

    @Test
    void underChaosEveryCallIsAccountedForAndEveryBulkheadEmpties() throws Exception {
        assumeTrue(onClassPath("io.smallrye.metrics.setup.MetricCdiInjectionExtension"),
                "the soak reads its gauges and counters from SmallRye Metrics, absent from this class path");
        Settings settings = Settings.fromSystemProperties();
        System.out.println("chaos soak: " + settings);
        ChaosLedger ledger = new ChaosLedger();
        ScheduledThreadPoolExecutor interrupter = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "chaos-interrupter");
            thread.setDaemon(true);
            return thread;
        });
        interrupter.setRemoveOnCancelPolicy(true);
        try (Container container = Container.start(Map.of(FaultToleranceExtension.THREADS_KEY, "32"),
                SoakMetrics.extensions(), ChaosTargets.class)) {
            SoakMetrics metrics = new SoakMetrics(container);
            ChaosTargets bean = container.bean(ChaosTargets.class);

            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(settings.seconds());
            SplittableRandom seeds = new SplittableRandom(settings.seed());
            AtomicLong tickets = new AtomicLong();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < settings.callers(); i++) {
                Thread caller = new Thread(new ChaosCaller(i, seeds.split(), bean, ledger, interrupter, tickets,
                        settings.calls(), deadline), "chaos-caller-" + i);
                caller.setDaemon(true);
                callers.add(caller);
                caller.start();
            }
            join(callers, deadline + JOIN_PATIENCE.toNanos(), ledger, settings);
            long elapsed = System.nanoTime() - start;
            failOnProblems(ledger, settings);

            settle("every call's chain settled and was counted", ledger, settings, () -> unsettledCalls(ledger, metrics));
            settle("no method body is running", ledger, settings,
                    () -> ledger.executing() == 0 ? null : ledger.executing() + " running");
            settle("every bulkhead is empty", ledger, settings, () -> occupiedBulkheads(metrics));
            failOnProblems(ledger, settings);

            long made = ledger.madeTotal();
            System.out.printf("chaos soak: %d calls in %.1f s, %.0f calls/s%n%s%n", made, elapsed / 1e9,
                    made / (elapsed / 1e9), ledger.table());
            SoftAssertions.assertSoftly(softly -> {
                checkAccounts(softly, ledger);
                checkInvocationCounters(softly, ledger, metrics);
                checkPolicyCounters(softly, ledger, metrics);
            });
        } finally {
            interrupter.shutdownNow();
            assertThat(interrupter.awaitTermination(5, TimeUnit.SECONDS)).as("the interrupter stopped").isTrue();
        }
    }

    /** Made = the sum of the outcomes, per target; and the run saw every kind of outcome. */
    private static void checkAccounts(SoftAssertions softly, ChaosLedger ledger) {
        for (ChaosTarget target : ChaosTarget.values()) {
            softly.assertThat(ledger.booked(target)).as("%s: calls made = outcomes booked", target.method)
                    .isEqualTo(ledger.made(target));
        }
        for (Outcome outcome : Outcome.values()) {
            softly.assertThat(ledger.total(outcome)).as("the chaos produced %s at least once", outcome).isPositive();
        }
    }

    /**
     * {@code ft.invocations.total} per label against the callers' books: exact for synchronous
     * methods; for asynchronous ones, exact in sum and at least the callers' count per label (see
     * the class comment on cancelled calls).
     */
    private static void checkInvocationCounters(SoftAssertions softly, ChaosLedger ledger, SoakMetrics metrics) {
        for (ChaosTarget target : ChaosTarget.values()) {
            long returned = ledger.count(target, Outcome.RETURNED);
            long fellBack = ledger.count(target, Outcome.FELL_BACK);
            long cancelled = ledger.count(target, Outcome.CANCELLED);
            long threw = ledger.booked(target) - returned - fellBack - cancelled;
            Map<String, Long> counted = invocations(target, metrics);
            Map<String, Long> seen = target.hasFallback()
                    ? Map.of("valueReturned/notApplied", returned, "valueReturned/applied", fellBack,
                            "exceptionThrown/notApplied", threw, "exceptionThrown/applied", 0L)
                    : Map.of("valueReturned/notDefined", returned, "exceptionThrown/notDefined", threw);
            softly.assertThat(counted.values().stream().mapToLong(Long::longValue).sum())
                    .as("%s: ft.invocations.total, all labels = calls made", target.method).isEqualTo(ledger.made(target));
            for (Map.Entry<String, Long> label : seen.entrySet()) {
                String what = target.method + ": ft.invocations.total " + label.getKey();
                if (target.async && !label.getKey().equals("exceptionThrown/applied")) {
                    softly.assertThat(counted.get(label.getKey())).as(what).isBetween(label.getValue(), label.getValue() + cancelled);
                } else {
                    softly.assertThat(counted.get(label.getKey())).as(what).isEqualTo(label.getValue());
                }
            }
        }
    }

    /** The counters of single policies, where the callers' books make them exact. */
    private static void checkPolicyCounters(SoftAssertions softly, ChaosLedger ledger, SoakMetrics metrics) {
        // a bulkhead rejects on the caller's thread before the call returns, so before it can be cancelled
        for (ChaosTarget target : List.of(ChaosTarget.SYNC_BULKHEAD, ChaosTarget.FUTURE_BULKHEAD)) {
            long rejected = ledger.count(target, Outcome.BULKHEAD_FULL);
            softly.assertThat(metrics.counter(target, "ft.bulkhead.calls.total", "bulkheadResult", "rejected"))
                    .as("%s: bulkhead rejections", target.method).isEqualTo(rejected);
            softly.assertThat(metrics.counter(target, "ft.bulkhead.calls.total", "bulkheadResult", "accepted"))
                    .as("%s: bulkhead acceptances", target.method).isEqualTo(ledger.made(target) - rejected);
        }
        ChaosTarget timeout = ChaosTarget.SYNC_TIMEOUT;
        long timedOut = ledger.count(timeout, Outcome.TIMED_OUT);
        softly.assertThat(metrics.counter(timeout, "ft.timeout.calls.total", "timedOut", "true"))
                .as("syncTimeout: timed out").isEqualTo(timedOut);
        softly.assertThat(metrics.counter(timeout, "ft.timeout.calls.total", "timedOut", "false"))
                .as("syncTimeout: in time").isEqualTo(ledger.made(timeout) - timedOut);

        ChaosTarget breaker = ChaosTarget.SYNC_BREAKER;
        softly.assertThat(breakerCalls(metrics, "circuitBreakerOpen")).as("syncBreaker: rejected while open")
                .isEqualTo(ledger.count(breaker, Outcome.CIRCUIT_OPEN));
        softly.assertThat(breakerCalls(metrics, "failure")).as("syncBreaker: failures (all but skipOn Fatal)")
                .isEqualTo(ledger.count(breaker, Outcome.RETRYABLE) + ledger.count(breaker, Outcome.INTERRUPTED));
        softly.assertThat(breakerCalls(metrics, "success")).as("syncBreaker: successes (skipOn Fatal counts as one)")
                .isEqualTo(ledger.count(breaker, Outcome.RETURNED) + ledger.count(breaker, Outcome.FATAL));

        ChaosTarget retry = ChaosTarget.SYNC_RETRY;
        softly.assertThat(metrics.counter(retry, "ft.retry.retries.total")).as("syncRetry: retries = attempts - calls")
                .isEqualTo(ledger.attempts(retry) - ledger.made(retry));

        softly.assertThat(occupiedBulkheads(metrics)).as("bulkheads still occupied").isNull();
        softly.assertThat(ledger.executing()).as("method bodies still running").isZero();
    }

    private static long breakerCalls(SoakMetrics metrics, String result) {
        return metrics.counter(ChaosTarget.SYNC_BREAKER, "ft.circuitbreaker.calls.total", "circuitBreakerResult", result);
    }

    private static Map<String, Long> invocations(ChaosTarget target, SoakMetrics metrics) {
        Stream<String> uses = target.hasFallback() ? Stream.of("applied", "notApplied") : Stream.of("notDefined");
        return uses.flatMap(use -> Stream.of("valueReturned/" + use, "exceptionThrown/" + use))
                .collect(Collectors.toMap(label -> label, label -> metrics.counter(target, "ft.invocations.total",
                        "result", label.substring(0, label.indexOf('/')), "fallback", label.substring(label.indexOf('/') + 1))));
    }

    /** The targets whose chains are not all counted yet, or null. */
    private static String unsettledCalls(ChaosLedger ledger, SoakMetrics metrics) {
        String unsettled = Stream.of(ChaosTarget.values())
                .filter(target -> invocations(target, metrics).values().stream().mapToLong(Long::longValue).sum()
                        != ledger.made(target))
                .map(target -> target.method + " made " + ledger.made(target) + ", counted " + invocations(target, metrics))
                .collect(Collectors.joining("; "));
        return unsettled.isEmpty() ? null : unsettled;
    }

    /** The bulkheads whose running or waiting gauge is not 0, or null. */
    private static String occupiedBulkheads(SoakMetrics metrics) {
        StringBuilder occupied = new StringBuilder();
        for (ChaosTarget target : ChaosTarget.values()) {
            if (target.bulkhead) {
                long running = metrics.gauge(target, "ft.bulkhead.executionsRunning");
                long waiting = target.async ? metrics.gauge(target, "ft.bulkhead.executionsWaiting") : 0;
                if (running != 0 || waiting != 0) {
                    occupied.append(target.method).append(" running=").append(running).append(" waiting=").append(waiting)
                            .append("; ");
                }
            }
        }
        return occupied.length() == 0 ? null : occupied.toString();
    }

    private static void join(List<Thread> callers, long deadline, ChaosLedger ledger, Settings settings)
            throws InterruptedException {
        for (Thread caller : callers) {
            caller.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (caller.isAlive()) {
                ledger.problem(caller.getName() + " did not finish"); // the other callers stop taking calls
                fail(caller.getName() + " did not finish: " + Stream.of(caller.getStackTrace()).map(String::valueOf)
                        .collect(Collectors.joining("\n\tat ", "\n\tat ", "")) + problems(ledger, settings));
            }
        }
    }

    private static void settle(String what, ChaosLedger ledger, Settings settings, Supplier<String> mismatch)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_PATIENCE.toNanos();
        for (String current = mismatch.get(); current != null; current = mismatch.get()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not true within " + SETTLE_PATIENCE + ": " + what + ": " + current + problems(ledger, settings));
            }
            Thread.sleep(5);
        }
    }

    private static void failOnProblems(ChaosLedger ledger, Settings settings) {
        if (ledger.failed()) {
            fail(ledger.problemCount() + " problem(s)" + problems(ledger, settings));
        }
    }

    private static String problems(ChaosLedger ledger, Settings settings) {
        return "\n" + settings + ledger.problems().stream().collect(Collectors.joining("\n---\n", "\n", ""))
                + "\n" + ledger.table();
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, ChaosSoakTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
