package dev.fusebox.ft.core.adaptive;

/**
 * Which calls an {@link AdaptiveLimit} sheds first: {@link #BATCH} calls may not use the share of
 * the limit kept for {@link #LIVE} calls ({@link AdaptiveLimitPolicy#liveReserve()}), so as the
 * limit fills, batch calls are refused while live ones still get in.
 */
public enum Priority {
    /** Work a user waits for: may use the whole limit. */
    LIVE,
    /** Work that can wait or be dropped: refused once only the live reserve is left. */
    BATCH
}
