package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.RateLimitMXBean;

/** The {@link RateLimitMXBean} of one guarded method: the limit's policy, switch and counts. Thread-safe. */
final class ManagedRateLimit implements RateLimitMXBean {

    private final Guarded guarded;
    private final OperatorActions actions;

    ManagedRateLimit(Guarded guarded, OperatorActions actions) {
        this.guarded = guarded;
        this.actions = actions;
    }

    private RateLimit limit() {
        return guarded.method().rateLimit();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public String getType() {
        return limit().policy().window().name();
    }

    @Override
    public int getLimit() {
        return limit().policy().limit();
    }

    @Override
    public long getWindowMillis() {
        return limit().policy().windowNanos() / 1_000_000L;
    }

    @Override
    public long getMinSpacingMillis() {
        return limit().policy().minSpacingNanos() / 1_000_000L;
    }

    @Override
    public long getPermitted() {
        return limit().permitted();
    }

    @Override
    public long getRejected() {
        return limit().rejected();
    }

    @Override
    public long getWouldReject() {
        return limit().wouldReject();
    }

    @Override
    public boolean isShadow() {
        return limit().isShadow();
    }

    @Override
    public ActionResult configure(String parameter, String value, String reason) {
        return actions.configure(guarded, "RateLimit", parameter, value, reason, Principals.ofJmxClient());
    }
}
