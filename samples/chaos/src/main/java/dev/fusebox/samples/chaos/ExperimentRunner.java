package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.AbortWatch;
import dev.fusebox.samples.chaos.analysis.Analysis;
import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import dev.fusebox.samples.chaos.analysis.RunFacts;
import dev.fusebox.samples.chaos.analysis.SecondStats;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;

/**
 * Runs one experiment against a running shop: starts the load, waits for the steady-state seconds
 * and refuses to go on if they were not steady, applies and takes back the fault steps on time,
 * stops early when an abort rule fires, follows the named breaker, and records every second. Every
 * fault it may have injected is healed at the end whatever happens: in a {@code finally}, and by a
 * shutdown hook while it runs (Ctrl-C). Times are on the run's time line: milliseconds since the
 * recorded load began. One run per instance, on the calling thread.
 */
final class ExperimentRunner {

    private static final long TICK_MILLIS = 100;
    private static final Duration DRAIN = LoadGenerator.REQUEST_TIMEOUT.plusSeconds(2);

    private final Experiment experiment;
    private final URI shop;
    private final MBeanServerConnection connection;
    private final PrintStream log;
    private volatile boolean interrupted;

    ExperimentRunner(Experiment experiment, URI shop, MBeanServerConnection connection, PrintStream log) {
        this.experiment = experiment;
        this.shop = shop;
        this.connection = connection;
        this.log = log;
    }

    /** One step taken at its time: applied, or taken back. */
    private record Action(long atMillis, FaultStep step, boolean apply) {
    }

    RunRecord run() throws IOException, InterruptedException {
        FaultSwitch faults = new FaultSwitch(connection, experiment.dependencies());
        faults.statuses().forEach((dependency, status) -> {
            if (!"healthy".equals(status)) {
                throw new IllegalStateException(dependency + " is not healthy (" + status + "); heal it first");
            }
        });
        List<String> refused = faults.healAll();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("cannot switch the shop's faults (the operator role is needed): " + refused);
        }
        Thread healOnExit = new Thread(() -> {
            interrupted = true;
            faults.healAll();
        }, "chaos-heal-on-exit");
        Runtime.getRuntime().addShutdownHook(healOnExit);
        List<RunRecord.AppliedStep> applied = new ArrayList<>();
        List<String> healFailures = List.of();
        Map<String, List<BreakerTransition>> others = new TreeMap<>();
        RunFacts facts;
        try {
            facts = drive(faults, applied, others);
        } finally {
            healFailures = faults.healAll();
            try {
                Runtime.getRuntime().removeShutdownHook(healOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
        log.println("healed     " + faults.statuses() + (healFailures.isEmpty() ? "" : "; NOT healed: " + healFailures));
        return new RunRecord(experiment, facts, applied, others, faults.statuses(), healFailures);
    }

    private RunFacts drive(FaultSwitch faults, List<RunRecord.AppliedStep> applied,
                           Map<String, List<BreakerTransition>> others) throws IOException, InterruptedException {
        List<Action> actions = new ArrayList<>();
        for (FaultStep step : experiment.faults()) {
            actions.add(new Action(step.atSecond() * 1000L, step, true));
            actions.add(new Action(step.endSecond() * 1000L, step, false));
        }
        actions.sort(Comparator.comparingLong(Action::atMillis).thenComparing(Action::apply));
        AbortWatch abortWatch = new AbortWatch(experiment.aborts());
        Optional<String> notSteady = Optional.empty();
        Optional<String> aborted = Optional.empty();
        boolean steady = false;
        int evaluated = 0;
        int seconds = experiment.load().seconds();
        BreakerWatch breaker = BreakerWatch.of(connection, experiment.detectBreaker());
        try (LoadGenerator load = new LoadGenerator(shop, experiment.load())) {
            long t0 = load.start();
            log.printf(Locale.ROOT, "load       %s %s at %d/s: %d s warm-up, then %d s recorded%n",
                    experiment.load().method(), shop.resolve(experiment.load().path()),
                    experiment.load().ratePerSecond(), experiment.load().warmupSeconds(), seconds);
            sleepUntil(t0);
            long t0Epoch = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            while (evaluated < seconds && notSteady.isEmpty() && aborted.isEmpty()) {
                long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                breaker.poll();
                if (interrupted) {
                    aborted = Optional.of("interrupted (the JVM is stopping)");
                    break;
                }
                for (int settled = load.settledSeconds(); evaluated < settled && aborted.isEmpty(); evaluated++) {
                    SecondStats second = load.seconds(evaluated, evaluated + 1).get(0);
                    aborted = abortWatch.accept(second);
                    if (evaluated % 10 == 9) {
                        log.printf(Locale.ROOT, "second %3d sent %d, errors %.0f%%, p99 %.0f ms, breaker %s%n",
                                evaluated, second.sent(), second.errorRate() * 100, second.p99Millis(), breaker.state());
                    }
                    if (evaluated == experiment.steadySeconds() - 1) {
                        notSteady = Analysis.steadyStateBreaches(experiment,
                                load.seconds(0, experiment.steadySeconds()));
                        steady = notSteady.isEmpty();
                        log.println("steady     " + notSteady.orElse("yes: the first " + experiment.steadySeconds()
                                + " s kept to the steady-state limits"));
                        if (!steady) {
                            break;
                        }
                    }
                }
                while (steady && aborted.isEmpty() && !actions.isEmpty() && actions.get(0).atMillis() <= now) {
                    act(actions.remove(0), faults, applied, now);
                }
                if (evaluated < seconds) {
                    Thread.sleep(TICK_MILLIS);
                }
            }
            aborted.ifPresent(why -> log.println("abort      " + why));
            load.stop();
            if (aborted.isPresent()) {
                faults.healAll();
                long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                applied.replaceAll(a -> a.revertedMillis() < 0
                        ? new RunRecord.AppliedStep(a.step(), a.appliedMillis(), now, a.injectorStatus()) : a);
            }
            if (!load.awaitIdle(DRAIN)) {
                log.println("warning    requests still unanswered " + DRAIN.toSeconds() + " s after the load stopped");
            }
            breaker.poll();
            others.putAll(breaker.others(t0Epoch));
            int recorded = aborted.isPresent() || notSteady.isPresent() ? load.settledSeconds() : seconds;
            return new RunFacts(load.seconds(0, recorded),
                    applied.stream().mapToLong(RunRecord.AppliedStep::appliedMillis).min(),
                    applied.stream().mapToLong(RunRecord.AppliedStep::revertedMillis).max(),
                    breaker.transitions(t0Epoch), notSteady, aborted);
        }
    }

    private void act(Action action, FaultSwitch faults, List<RunRecord.AppliedStep> applied, long now) {
        FaultStep step = action.step();
        if (action.apply()) {
            faults.apply(step);
            String status = faults.statuses().get(step.dependency());
            applied.add(new RunRecord.AppliedStep(step, now, -1, status));
            log.printf(Locale.ROOT, "fault      %.1f s: %s applied (%s now: %s)%n", now / 1000.0, step.describe(),
                    step.dependency(), status);
        } else {
            faults.revert(step);
            applied.replaceAll(a -> a.step().equals(step)
                    ? new RunRecord.AppliedStep(step, a.appliedMillis(), now, a.injectorStatus()) : a);
            log.printf(Locale.ROOT, "fault      %.1f s: %s taken back (%s now: %s)%n", now / 1000.0, step.describe(),
                    step.dependency(), faults.statuses().get(step.dependency()));
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
