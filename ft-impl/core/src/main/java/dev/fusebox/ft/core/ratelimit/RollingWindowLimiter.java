package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * ROLLING: at most N admitted calls in any interval of length W, by a sliding log of the times of
 * the last N admitted calls.
 *
 * <p>Implementation notes. Admitted calls are numbered by tickets 0, 1, 2, ...; {@code next} is
 * the next ticket. Ticket s keeps its time (nanoseconds from the origin) in slot {@code s mod N}
 * of {@code times} and then writes s into the same slot of {@code stamps} (the slot is published
 * when its stamp is s). Ticket s may be taken at time t only when ticket s - N (the oldest of the
 * last N) is published and its time is at least W before t; the call then takes ticket s by a
 * compare-and-set of {@code next} from s to s + 1 (the linearization point of an admission) and
 * writes its slot. So for every s: {@code time(s) >= time(s - N) + W}: the tickets of one slot
 * have times at least W apart, and any half-open interval of length W holds at most one ticket
 * per slot, at most N in all. This holds whatever order threads with different clock readings
 * reach {@code next} in; a thread with an old reading is simply refused more.
 *
 * <p>Why the reads are enough. The only writer of slot {@code s mod N} after ticket s - N is the
 * winner of ticket s. An admitting thread read stamp s - N (a volatile read after the volatile
 * write of the time), then the time; its successful compare-and-set from s proves that no one
 * had taken ticket s, so the time it read was that of s - N. A refusing thread reads {@code next}
 * again after the time: still s, so the time was that of s - N; the refusal is linearized at that
 * read (the log then really held N calls within W). Otherwise it starts over from the new ticket.
 *
 * <p>What races, and why it is harmless. Between a ticket's compare-and-set and its stamp the slot
 * is unpublished. A call that needs that slot (N tickets later) cannot know the time it will hold,
 * and is refused, with W as its wait (the ticket was taken just now, so its time is close to the
 * caller's). It only ever under-admits, and only while the thread that took ticket s - N sits
 * between two of its own instructions and the N - 1 tickets after it are taken: with N = 1 it is
 * just the next call racing the admitted one (jcstress {@code RateLimitAdmissionTest.RollingUnpublished},
 * its interesting outcome, about 14 % of samples where the two calls start together); with larger N
 * it needs N - 1 admissions within that gap. {@code .RollingOfTwo} checks that the bound holds
 * either way, stress {@code RateLimitInvariantsTest} the any-W-interval bound. A refusal writes nothing. Lock-free: a thread starts over
 * only when another thread took a ticket.
 */
final class RollingWindowLimiter extends RateLimiter {

    /** The time of a slot no call has used yet: long before any call (no overflow: times stay far from it). */
    private static final long NEVER = Long.MIN_VALUE / 2;

    private final long origin;
    private final long window;
    private final int limit;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLongArray times;
    private final AtomicLongArray stamps;

    RollingWindowLimiter(RateLimitPolicy policy, long originNanos) {
        this.origin = originNanos;
        this.window = policy.windowNanos();
        this.limit = policy.limit();
        this.times = new AtomicLongArray(limit);
        this.stamps = new AtomicLongArray(limit);
        for (int slot = 0; slot < limit; slot++) {
            times.set(slot, NEVER);
            stamps.set(slot, slot - limit); // published by the "ticket" s - N of each first ticket s < N
        }
    }

    @Override
    public long tryAcquire(long nowNanos) {
        return decide(nowNanos - origin, true);
    }

    @Override
    long waitNanos(long nowNanos) {
        return decide(nowNanos - origin, false);
    }

    /** 0 when a call at {@code time} is (or, with {@code admit} false, would be) admitted; else the wait. */
    private long decide(long time, boolean admit) {
        while (true) {
            long ticket = next.get();
            int slot = (int) (ticket % limit);
            long oldest = ticket - limit;
            long stamp = stamps.get(slot);
            if (stamp > oldest) {
                continue; // ticket was taken since it was read
            }
            if (stamp < oldest) {
                if (next.get() != ticket) {
                    continue;
                }
                return window; // ticket s - N is taken, its time not yet published (notes)
            }
            long wait = times.get(slot) + window - time;
            if (wait > 0) {
                if (next.get() != ticket) {
                    continue;
                }
                return wait;
            }
            if (!admit) {
                return 0;
            }
            if (next.compareAndSet(ticket, ticket + 1)) {
                times.set(slot, time);
                stamps.set(slot, ticket);
                return 0;
            }
        }
    }
}
