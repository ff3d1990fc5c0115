package dev.fusebox.ft.core.ratelimit;

/**
 * A rate limit's policy, mode and counts at one moment, for management. The three counts are read
 * one after the other while calls go on, so they need not add up to the same instant. Immutable.
 *
 * @param name        the guarded method's or guard's name
 * @param policy      the policy it enforces (or only counts, in shadow mode)
 * @param shadow      whether refusals are only counted, not made
 * @param permitted   calls the limiter admitted
 * @param rejected    calls refused (enforcing)
 * @param wouldReject calls the limiter refused while in shadow mode, let through all the same
 */
public record RateLimitSnapshot(String name, RateLimitPolicy policy, boolean shadow, long permitted, long rejected,
                                long wouldReject) {
}
