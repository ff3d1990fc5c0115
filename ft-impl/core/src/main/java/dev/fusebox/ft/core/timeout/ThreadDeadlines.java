package dev.fusebox.ft.core.timeout;

import java.util.Arrays;

/**
 * The call deadlines of one thread, a stack by nesting depth of its timed calls, and its link in its
 * {@link DeadlineWatcher}'s list of threads. The stack grows (allocates) only when the thread nests
 * timed calls deeper than it ever did; {@code deadlines} is volatile so that scans see the new ones.
 * Push and pop are for the owner thread only; {@code next} is written by the watcher under its
 * join lock and read by scans without it (see the watcher's notes).
 * Not thread-safe beyond that: confined to its owner thread except for the two fields named.
 */
final class ThreadDeadlines {

    final Thread owner;
    volatile CallDeadline[] deadlines;
    /** The thread that joined the watcher before this one (still known to it, or ended and unlinked since). */
    volatile ThreadDeadlines next;
    private int depth;

    ThreadDeadlines(Thread owner) {
        this.owner = owner;
        this.deadlines = new CallDeadline[] {new CallDeadline(this)};
    }

    /** The deadline for the next depth. */
    CallDeadline push() {
        CallDeadline[] current = deadlines;
        if (depth == current.length) {
            CallDeadline[] grown = Arrays.copyOf(current, current.length * 2);
            for (int i = current.length; i < grown.length; i++) {
                grown[i] = new CallDeadline(this);
            }
            deadlines = grown;
            current = grown;
        }
        return current[depth++];
    }

    void pop() {
        depth--;
    }
}
