package dev.fusebox.ft.jmx.remote;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down failed logins per source address: the first {@value #FREE_FAILURES} failures are
 * free (typos), then each failure makes the source wait before its next attempt, 1 s after the
 * 4th, doubling with each further one up to 60 s. An attempt during the wait is refused at once,
 * without checking the password (so without any PBKDF2 work) and without holding a thread: the
 * client is told how long to wait. A success forgets the source; so does {@value #FORGET_MINUTES}
 * minutes without a failure. At most {@value #MAX_SOURCES} sources are tracked: when that many
 * are, idle ones are swept, and a source that still finds no room is not tracked (the bound on
 * password checks, {@link PasswordAuthenticator}, still holds for it).
 *
 * <p>Implementation notes. One immutable {@code Failures} per source in a
 * {@link ConcurrentHashMap}; every change is one {@code compute} of that key, so the count and the
 * wait of a source change together. Two attempts of one source may both be admitted before either
 * fails (both then check a password, and both failures count): harmless, the wait only starts a
 * little later. Time comes from the given nanosecond clock, so tests run in virtual time.
 * Thread-safe.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final long FORGET_MINUTES = 15;
    static final int MAX_SOURCES = 10_000;

    /** What {@link #admit} decided: 0 nanos to wait means go ahead. Immutable. */
    record Verdict(long waitNanos, boolean firstRefusal) {
        boolean admitted() {
            return waitNanos <= 0;
        }
    }

    /** One source's failed logins, replaced as a whole in the map. Immutable. */
    private record Failures(int count, long lastNanos, long notBeforeNanos, boolean refusalTold) {
    }

    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final long forgetNanos = Duration.ofMinutes(FORGET_MINUTES).toNanos();

    LoginThrottle(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Whether {@code source} may try now; if not, how long it must wait, and whether this is the
     * first refusal of the current wait (to log once, not for every attempt of a flood).
     */
    Verdict admit(String source) {
        long now = nanoClock.getAsLong();
        long[] wait = {0};
        boolean[] first = {false};
        bySource.computeIfPresent(source, (key, failures) -> {
            long left = failures.notBeforeNanos() - now;
            if (left <= 0) {
                return failures;
            }
            wait[0] = left;
            first[0] = !failures.refusalTold();
            return new Failures(failures.count(), failures.lastNanos(), failures.notBeforeNanos(), true);
        });
        return new Verdict(wait[0], first[0]);
    }

    /** Counts a failed login of {@code source}; returns how long it must now wait (0 while free). */
    long failed(String source) {
        long now = nanoClock.getAsLong();
        if (!bySource.containsKey(source) && bySource.size() >= MAX_SOURCES) {
            bySource.values().removeIf(failures -> now - failures.lastNanos() > forgetNanos);
            if (bySource.size() >= MAX_SOURCES) {
                return 0;
            }
        }
        Failures updated = bySource.compute(source, (key, previous) -> {
            int count = previous == null || now - previous.lastNanos() > forgetNanos ? 1 : previous.count() + 1;
            return new Failures(count, now, now + waitAfter(count), false);
        });
        return Math.max(0, updated.notBeforeNanos() - now);
    }

    /** A successful login: {@code source} starts afresh. */
    void succeeded(String source) {
        bySource.remove(source);
    }

    /** The wait after the {@code count}-th failure in a row. */
    static long waitAfter(int count) {
        if (count <= FREE_FAILURES) {
            return 0;
        }
        int doublings = Math.min(count - FREE_FAILURES - 1, 16);
        return Math.min(FIRST_WAIT.toNanos() << doublings, MAX_WAIT.toNanos());
    }
}
