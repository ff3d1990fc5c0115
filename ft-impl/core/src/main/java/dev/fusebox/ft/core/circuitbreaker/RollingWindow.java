package dev.fusebox.ft.core.circuitbreaker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The outcomes of the most recent {@code size} calls of a closed circuit, recorded without locks,
 * each record answering whether the full window now reaches the failure threshold.
 *
 * <p>Implementation notes. The window is linearizable: its records take effect one after another
 * in one order, and each answer is the answer of that order (issue 11: an answer computed from a
 * slot still holding an outcome about to be displaced opened a window of S F at ratio 1.0).
 *
 * <p>State. {@code head} packs, in one word, the number of failures in the window, a "full" bit
 * (at least {@code size} outcomes recorded), a "sealed" bit, and the position the next record
 * takes. Positions count records modulo {@code positions}, a multiple of {@code size} (by default
 * the most the head word holds, at least 4 x {@code size}), so position {@code p} goes to slot
 * {@code p % size}. Each slot holds the
 * position that last wrote it, its outcome and the outcome it displaced. A new window's slots hold
 * the positions of a virtual lap of successes before position 0, which counts for nothing.
 *
 * <p>A record at position {@code p} is two CASes: it claims slot {@code p % size} by a CAS from
 * the value written by position {@code p - size} (which proves that nobody claimed {@code p}
 * yet, and tells the displaced outcome), then advances {@code head} from {@code p} to {@code p +
 * 1}, adding its failure and subtracting the displaced one. Whoever finds a slot claimed for the
 * head's position, but the head not yet advanced, advances it for the claimer (helping): so no
 * record waits for a stalled one (lock-free), and a record can only claim position {@code p + 1}
 * after {@code p}'s outcome is in {@code head}. Linearization point of a record: the CAS that
 * advances {@code head} past its position (its own, or a helper's, which comes after its claim and
 * before it returns); records therefore take effect in position order. Its answer is read from
 * that new head, which holds exactly the outcomes of positions {@code p - size + 1 .. p}: never a
 * stale slot, never a failure still to come.
 *
 * <p>The healthy path: a success recorded into a full window without failures leaves the window as
 * it was (a success displaces a success), so it writes nothing; linearization point: its read of
 * {@code head}. A healthy closed circuit therefore only reads shared memory and allocates nothing.
 *
 * <p>Sealing, for a new window size ({@link #resized}): the seal advances any claimed position,
 * then sets the sealed bit by a CAS of {@code head}. No record takes effect after it: a record that
 * finds the bit answers false and counts nothing (its call was admitted into a stay whose window
 * was replaced, like one admitted before a transition), and one that claimed its slot as the seal
 * landed finds its advance refused and does the same; the outcome its claim displaced is still in
 * the slot, so the sealed window's contents stay exact.
 *
 * <p>Why this scheme and not the outcomes packed into one word: docs/architecture.md.
 *
 * <p>What can race, and why it is harmless: a CAS lost to another record retries from the new
 * head; a stale head is recognised because its slot no longer holds position {@code p - size}. That
 * recognition, and every CAS of {@code head}, could be fooled only by a thread that stalls while
 * {@code positions - size} records (with the default positions, over 10^9 for every size) go by
 * and then finds the very same word again. The failure threshold may be changed at run time (a new failure ratio); the next
 * record judges by it. Thread-safe.
 */
final class RollingWindow {

    private static final VarHandle HEAD;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    /** Tries of {@link #contents} at a consistent read before it settles for one that raced. */
    private static final int CONTENT_READS = 8;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(RollingWindow.class, "head", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int size;
    /** Positions run 0 .. positions - 1, then start again: a multiple of size. */
    private final long positions;
    private final long failureMask;
    private final long fullBit;
    private final long sealedBit;
    private final long healthyMask;
    private final int positionShift;
    /** position << 2 | displaced << 1 | outcome, 1 = failure. */
    private final long[] slots;
    private volatile int failuresToOpen;
    @SuppressWarnings("unused") // read and written through HEAD
    private volatile long head;

    RollingWindow(int size, int failuresToOpen) {
        this(size, failuresToOpen, 0);
    }

    /**
     * A window whose positions start again after {@code positions} records (a multiple of
     * {@code size}, at least twice it), or after as many as the head word holds when 0. Tests pass a
     * small number to see positions start again.
     */
    RollingWindow(int size, int failuresToOpen, long positions) {
        if (size < 1 || size > CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD) {
            throw new IllegalArgumentException("a rolling window holds 1 to " + CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD
                    + " outcomes, not " + size);
        }
        this.size = size;
        this.failuresToOpen = failuresToOpen;
        int failureBits = 32 - Integer.numberOfLeadingZeros(size);
        this.failureMask = (1L << failureBits) - 1;
        this.fullBit = 1L << failureBits;
        this.sealedBit = 1L << (failureBits + 1);
        this.healthyMask = failureMask | fullBit | sealedBit;
        this.positionShift = failureBits + 2;
        long span = 1L << (64 - positionShift);
        this.positions = positions == 0 ? span / size * size : positions;
        if (this.positions % size != 0 || this.positions < 2L * size || this.positions > span) {
            throw new IllegalArgumentException("positions must be a multiple of " + size + " from " + 2L * size
                    + " to " + span + ": " + positions);
        }
        this.slots = new long[size];
        for (int slot = 0; slot < size; slot++) {
            slots[slot] = (this.positions - size + slot) << 2;
        }
    }

    /**
     * Records one outcome; returns whether the full window, with it, reaches the failure threshold.
     * False, and nothing recorded, once the window is sealed.
     */
    boolean record(boolean failure) {
        return record(failure, false);
    }

    /**
     * The first half of a record whose thread then stalls for good: claims the next position and
     * never advances the head. For tests of helping: the next record must count it.
     */
    void claimAndStall(boolean failure) {
        record(failure, true);
    }

    private boolean record(boolean failure, boolean stallAfterClaim) {
        long outcome = failure ? 1 : 0;
        while (true) {
            long seen = (long) HEAD.getVolatile(this);
            if ((seen & healthyMask) == fullBit && !failure) {
                return failuresToOpen <= 0; // a success displaces a success: nothing to write
            }
            if ((seen & sealedBit) != 0) {
                return false;
            }
            long position = seen >>> positionShift;
            int index = (int) (position % size);
            long slot = (long) SLOT.getVolatile(slots, index);
            long writtenBy = slot >>> 2;
            if (writtenBy == position) {
                HEAD.compareAndSet(this, seen, advanced(seen, slot)); // help the claimer, then look again
            } else if (writtenBy == previous(position)) {
                long claim = position << 2 | (slot & 1) << 1 | outcome;
                if (SLOT.compareAndSet(slots, index, slot, claim)) {
                    if (stallAfterClaim) {
                        return false;
                    }
                    long next = advanced(seen, claim);
                    if (!HEAD.compareAndSet(this, seen, next) && landedOnSeal(position)) {
                        return false;
                    }
                    return (next & fullBit) != 0 && (next & failureMask) >= failuresToOpen;
                }
            }
            // else: the head read was stale (the slot has moved on); look again
        }
    }

    /** After a claim whose advance was refused: whether the seal came first (else a helper advanced it). */
    private boolean landedOnSeal(long position) {
        long now = (long) HEAD.getVolatile(this);
        return (now >>> positionShift) == position;
    }

    private long previous(long position) {
        return position >= size ? position - size : position + positions - size;
    }

    /** The head after the claim {@code slot} of the head's position. */
    private long advanced(long seen, long slot) {
        long position = seen >>> positionShift;
        long failures = (seen & failureMask) + (slot & 1) - (slot >>> 1 & 1);
        long full = position == size - 1 ? fullBit : seen & fullBit;
        long next = position + 1 == positions ? 0 : position + 1;
        return next << positionShift | full | failures;
    }

    int size() {
        return size;
    }

    /** Whether {@link #resized} sealed this window: it records nothing more. */
    boolean sealed() {
        return ((long) HEAD.getVolatile(this) & sealedBit) != 0;
    }

    /** Failures among the recorded outcomes. */
    int failures() {
        return (int) ((long) HEAD.getVolatile(this) & failureMask);
    }

    /** Outcomes recorded so far, at most the window size. */
    int recorded() {
        return recorded((long) HEAD.getVolatile(this));
    }

    private int recorded(long seen) {
        return (seen & fullBit) != 0 ? size : (int) (seen >>> positionShift);
    }

    /** The failures that open the circuit from now on. */
    void retarget(int failuresToOpen) {
        this.failuresToOpen = failuresToOpen;
    }

    /**
     * Seals this window (it records nothing more) and returns a window of {@code newSize} holding
     * its most recent outcomes, as many as fit. Sealing an already sealed window changes nothing.
     */
    RollingWindow resized(int newSize, int newFailuresToOpen) {
        seal();
        String kept = contents();
        RollingWindow copy = new RollingWindow(newSize, newFailuresToOpen);
        for (int i = Math.max(0, kept.length() - newSize); i < kept.length(); i++) {
            copy.record(kept.charAt(i) == 'F');
        }
        return copy;
    }

    private void seal() {
        while (true) {
            long seen = (long) HEAD.getVolatile(this);
            if ((seen & sealedBit) != 0) {
                return;
            }
            long position = seen >>> positionShift;
            long slot = (long) SLOT.getVolatile(slots, (int) (position % size));
            if (slot >>> 2 == position) {
                HEAD.compareAndSet(this, seen, advanced(seen, slot));
            } else if (HEAD.compareAndSet(this, seen, seen | sealedBit)) {
                return;
            }
        }
    }

    /**
     * The recorded outcomes, oldest first: 'S' success, 'F' failure; as long as {@link #recorded}.
     * One consistent moment of the window, unless records keep moving it during several tries in a
     * row; then the last try, in which records racing with the read may show up or not.
     */
    String contents() {
        StringBuilder text = new StringBuilder();
        for (int attempt = 0; attempt < CONTENT_READS; attempt++) {
            long seen = (long) HEAD.getVolatile(this);
            if (read(seen, text)) {
                break;
            }
        }
        return text.toString();
    }

    /** Reads the outcomes before the head {@code seen} into {@code text}; false when a slot had moved on. */
    private boolean read(long seen, StringBuilder text) {
        text.setLength(0);
        long position = seen >>> positionShift;
        int count = recorded(seen);
        boolean consistent = true;
        for (long back = count; back > 0; back--) {
            long wanted = position >= back ? position - back : position - back + positions;
            long slot = (long) SLOT.getVolatile(slots, (int) (wanted % size));
            long writtenBy = slot >>> 2;
            boolean failure;
            if (writtenBy == wanted) {
                failure = (slot & 1) != 0;
            } else if (writtenBy == position && back == size) {
                failure = (slot >>> 1 & 1) != 0; // claimed for the head's position: it keeps what it displaced
            } else {
                consistent = false;
                failure = (slot & 1) != 0;
            }
            text.append(failure ? 'F' : 'S');
        }
        return consistent;
    }
}
