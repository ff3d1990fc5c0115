package dev.fusebox.ft.cdi.it;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What one call of a {@link ChaosTargets} method does, attempt by attempt (a retry plays the next
 * act), drawn up front by the caller from its seeded random. Pauses are microseconds; an overrun
 * outlasts the 4 ms timeouts; a hang waits for an interrupt and is drawn only where one is sure to
 * come (a timeout guards the method, or the caller will interrupt or cancel with interrupt). Every
 * attempt is booked in the ledger as it enters and leaves, so the soak can tell that no method body
 * is still running. Attempts of one call may run on different threads and, after a timeout,
 * overlap. Thread-safe.
 */
public final class ChaosScript {

    static final String VALUE = "ok";

    /** A hang not interrupted within this time is reported as a lost interrupt. */
    static final long HANG_LIMIT_MILLIS = 10_000;

    /** One more than the targets' maxRetries, so every attempt has its own act. */
    private static final int ACTS = 3;

    enum Act { RETURN, PAUSE, THROW_RETRYABLE, THROW_FATAL, OVERRUN, IGNORE_INTERRUPTS, HANG }

    private final ChaosLedger ledger;
    /** Which call plays it, and how its caller means to interrupt or cancel it: for the problem reports. */
    private final String call;
    private final Act[] acts;
    private final long[] pauseNanos;
    private final boolean failAsStage;
    private final AtomicInteger attempts = new AtomicInteger();

    private ChaosScript(ChaosLedger ledger, String call, Act[] acts, long[] pauseNanos, boolean failAsStage) {
        this.ledger = ledger;
        this.call = call;
        this.acts = acts;
        this.pauseNanos = pauseNanos;
        this.failAsStage = failAsStage;
    }

    /**
     * A script whose acts are drawn from {@code random}; with {@code mayHang} false it never hangs.
     * {@code call} says which call plays it (it draws nothing from {@code random}).
     */
    static ChaosScript draw(SplittableRandom random, boolean mayHang, ChaosLedger ledger, String call) {
        Act[] acts = new Act[ACTS];
        long[] pauses = new long[ACTS];
        for (int i = 0; i < ACTS; i++) {
            int roll = random.nextInt(100);
            Act act;
            long pause;
            if (roll < 40) {
                act = Act.RETURN;
                pause = 0;
            } else if (roll < 65) {
                act = Act.PAUSE;
                pause = micros(random, 5, 300);
            } else if (roll < 81) {
                act = Act.THROW_RETRYABLE;
                pause = random.nextBoolean() ? 0 : micros(random, 5, 200);
            } else if (roll < 88) {
                act = Act.THROW_FATAL;
                pause = 0;
            } else if (roll < 92) {
                act = Act.OVERRUN;
                pause = micros(random, 5_000, 8_000);
            } else if (roll < 95) {
                act = Act.IGNORE_INTERRUPTS;
                pause = micros(random, 500, 6_000);
            } else {
                act = mayHang ? Act.HANG : Act.RETURN;
                pause = 0;
            }
            acts[i] = act;
            pauses[i] = pause;
        }
        return new ChaosScript(ledger, call, acts, pauses, random.nextBoolean());
    }

    /** How many attempts started. */
    int attempts() {
        return attempts.get();
    }

    /** Plays the next act on the calling thread: returns {@link #VALUE} or throws. */
    String play() throws Exception {
        int attempt = Math.min(attempts.getAndIncrement(), ACTS - 1);
        ledger.entered();
        try {
            return act(acts[attempt], pauseNanos[attempt], attempt);
        } finally {
            ledger.left();
        }
    }

    /** {@link #play} for methods returning a CompletionStage: half the scripts fail through the stage instead of throwing. */
    CompletionStage<String> playStage() throws Exception {
        try {
            return CompletableFuture.completedFuture(play());
        } catch (ChaosTargets.Retryable | ChaosTargets.Fatal failure) {
            if (failAsStage) {
                return CompletableFuture.failedFuture(failure);
            }
            throw failure;
        }
    }

    private String act(Act act, long pause, int attempt) throws Exception {
        switch (act) {
            case RETURN:
                return VALUE;
            case PAUSE:
            case OVERRUN:
                pause(pause);
                return VALUE;
            case THROW_RETRYABLE:
                pause(pause);
                throw new ChaosTargets.Retryable();
            case THROW_FATAL:
                throw new ChaosTargets.Fatal();
            case IGNORE_INTERRUPTS:
                pauseIgnoringInterrupts(pause);
                return VALUE;
            case HANG:
                Thread.sleep(HANG_LIMIT_MILLIS);
                ledger.problem("a hanging call was not interrupted within " + HANG_LIMIT_MILLIS + " ms: " + call
                        + ", attempt " + (attempt + 1) + " on " + Thread.currentThread().getName() + ": " + this);
                return VALUE;
            default:
                throw new AssertionError(act);
        }
    }

    /** Waits {@code nanos} (microsecond resolution, unlike Thread.sleep); an interrupt ends it with InterruptedException. */
    static void pause(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("chaos pause interrupted");
            }
            LockSupport.parkNanos(left);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("chaos pause interrupted");
        }
    }

    /** Holds the thread for {@code nanos} whatever interrupts it gets, then sets its interrupt flag again if it got one. */
    private static void pauseIgnoringInterrupts(long nanos) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long micros(SplittableRandom random, int from, int to) {
        return TimeUnit.MICROSECONDS.toNanos(random.nextInt(from, to));
    }

    @Override
    public String toString() {
        return Arrays.toString(acts) + " pauses(ns)=" + Arrays.toString(pauseNanos) + " failAsStage=" + failAsStage
                + " attempts=" + attempts.get();
    }
}
