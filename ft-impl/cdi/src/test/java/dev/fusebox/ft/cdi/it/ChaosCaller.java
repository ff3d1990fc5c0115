package dev.fusebox.ft.cdi.it;

import dev.fusebox.ft.cdi.it.ChaosLedger.Outcome;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One calling thread of the chaos soak. It takes call tickets until they run out, the time is up
 * or a problem was reported; draws each call (target, script, cancel or interrupt plan) from its own
 * seeded random; waits for every outcome with bounded patience; and books it, or reports it as a
 * problem when the method does not document it.
 *
 * <p>Some synchronous calls are interrupted from the interrupter thread. The interrupt is armed with
 * the call's id and fired by a CAS from that id, and the caller disarms by a CAS back, so an interrupt
 * lands only while the call is in progress and the caller knows whether it did; an interrupt flag the
 * caller finds set after a call nobody of ours interrupted leaked out of Fusebox, and is a problem.
 * Confined to its thread except {@link #fire}.
 */
final class ChaosCaller implements Runnable {

    /** How long a caller waits for the outcome of an asynchronous call it did not cancel. */
    static final long CALL_PATIENCE_SECONDS = 20;

    private static final ChaosTarget[] TARGETS = ChaosTarget.values();
    private static final long IDLE = 0;
    private static final long INTERRUPTING = -1;
    private static final long FIRED = -2;

    private final int index;
    private final SplittableRandom random;
    private final ChaosTargets bean;
    private final ChaosLedger ledger;
    private final ScheduledExecutorService interrupter;
    private final AtomicLong tickets;
    private final long calls;
    private final long deadline;
    private final AtomicLong armed = new AtomicLong(IDLE);
    private volatile Thread thread;
    private long callId;

    ChaosCaller(int index, SplittableRandom random, ChaosTargets bean, ChaosLedger ledger,
                ScheduledExecutorService interrupter, AtomicLong tickets, long calls, long deadline) {
        this.index = index;
        this.random = random;
        this.bean = bean;
        this.ledger = ledger;
        this.interrupter = interrupter;
        this.tickets = tickets;
        this.calls = calls;
        this.deadline = deadline;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (!ledger.failed() && System.nanoTime() - deadline < 0 && tickets.incrementAndGet() <= calls) {
            ChaosTarget target = TARGETS[random.nextInt(TARGETS.length)];
            callId++;
            try {
                if (target.async) {
                    callAsync(target);
                } else {
                    callSync(target);
                }
            } catch (Throwable unexpected) {
                ledger.problem(where(target) + ": the caller failed", unexpected);
            }
        }
    }

    private void callSync(ChaosTarget target) {
        boolean interrupt = random.nextInt(100) < 4;
        long delay = random.nextLong(1_500_000);
        ChaosScript script = ChaosScript.draw(random, target.timeout || interrupt, ledger,
                where(target) + (interrupt ? ", interrupted after " + delay + " ns" : ""));
        ScheduledFuture<?> planned = null;
        if (interrupt) {
            long id = callId;
            armed.set(id);
            planned = interrupter.schedule(() -> fire(id), delay, TimeUnit.NANOSECONDS);
        }
        ledger.callMade(target);
        Object value = null;
        Throwable failure = null;
        try {
            value = target.call(bean, script);
        } catch (Throwable thrown) {
            failure = thrown;
        }
        boolean interrupted = interrupt && disarm(planned);
        if (Thread.interrupted() && !interrupted) {
            ledger.problem(where(target) + ": the interrupt flag was set after a call nobody interrupted; script "
                    + script + ", outcome " + (failure == null ? value : failure));
        }
        book(target, script, value, failure, interrupted, false);
    }

    private void callAsync(ChaosTarget target) throws InterruptedException {
        int plan = random.nextInt(100);
        boolean cancel = plan < 8;
        boolean interrupt = plan < 4;
        long delay = random.nextLong(1_000_000);
        ChaosScript script = ChaosScript.draw(random, target.timeout || interrupt, ledger,
                where(target) + (cancel ? ", cancel(" + interrupt + ") after " + delay + " ns" : ""));
        ledger.callMade(target);
        Future<?> handle;
        try {
            Object returned = target.call(bean, script);
            handle = returned instanceof CompletionStage<?> stage ? stage.toCompletableFuture() : (Future<?>) returned;
        } catch (Throwable thrown) {
            ledger.problem(where(target) + ": an asynchronous method threw at the call instead of through its result; script "
                    + script, thrown);
            return;
        }
        boolean cancelled = false;
        if (cancel) {
            LockSupport.parkNanos(delay);
            cancelled = handle.cancel(interrupt);
            if (cancelled && !(handle.isCancelled() && handle.isDone())) {
                ledger.problem(where(target) + ": cancel() returned true but isCancelled()=" + handle.isCancelled()
                        + " isDone()=" + handle.isDone());
            }
        }
        Object value = null;
        Throwable failure = null;
        try {
            value = handle.get(CALL_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (CancellationException e) {
            failure = e;
        } catch (java.util.concurrent.TimeoutException e) {
            ledger.problem(where(target) + ": the call did not complete within " + CALL_PATIENCE_SECONDS + " s; script "
                    + script + (cancel ? ", cancelled with interrupt=" + interrupt : ""));
            handle.cancel(true);
            return;
        }
        if (cancelled && !(failure instanceof CancellationException)) {
            ledger.problem(where(target) + ": cancel() returned true but get() gave " + (failure == null ? value : failure));
        }
        book(target, script, value, failure, false, cancelled);
    }

    private void book(ChaosTarget target, ChaosScript script, Object value, Throwable failure, boolean interrupted,
                      boolean cancelled) {
        Outcome outcome = target.outcome(value, failure, interrupted, cancelled);
        if (outcome != null) {
            ledger.book(target, outcome, script);
            return;
        }
        String what = where(target) + ": undocumented outcome (interrupted by the caller=" + interrupted
                + ", cancelled=" + cancelled + "); script " + script;
        if (failure == null) {
            ledger.problem(what + ", returned " + value);
        } else {
            ledger.problem(what, failure);
        }
    }

    /** Interrupts the caller if it is still in call {@code id}; runs on the interrupter thread. */
    private void fire(long id) {
        if (armed.compareAndSet(id, INTERRUPTING)) {
            thread.interrupt();
            armed.set(FIRED);
        }
    }

    /** Ends the interrupt plan of the current call; true when the interrupt was fired during it. */
    private boolean disarm(ScheduledFuture<?> planned) {
        if (armed.compareAndSet(callId, IDLE)) {
            planned.cancel(false);
            return false;
        }
        while (armed.get() == INTERRUPTING) {
            Thread.onSpinWait();
        }
        armed.set(IDLE);
        return true;
    }

    private String where(ChaosTarget target) {
        return "caller " + index + " call " + callId + " " + target.method;
    }
}
