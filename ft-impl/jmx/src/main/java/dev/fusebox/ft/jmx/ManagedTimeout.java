package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.TimeoutMXBean;

/** The {@link TimeoutMXBean} of one guarded method: the timeout in force and the method's counters. Thread-safe. */
final class ManagedTimeout implements TimeoutMXBean {

    private final Guarded guarded;
    private final OperatorActions actions;

    ManagedTimeout(Guarded guarded, OperatorActions actions) {
        this.guarded = guarded;
        this.actions = actions;
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public long getTimeoutMillis() {
        return guarded.method().policy().timeoutNanos() / 1_000_000L;
    }

    @Override
    public long getTimedOut() {
        return guarded.method().counters().timedOut();
    }

    @Override
    public long getInTime() {
        return guarded.method().counters().inTime();
    }

    @Override
    public ActionResult configure(String parameter, String value, String reason) {
        return actions.configure(guarded, "Timeout", parameter, value, reason, Principals.ofJmxClient());
    }
}
