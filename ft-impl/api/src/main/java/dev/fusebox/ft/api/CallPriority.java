package dev.fusebox.ft.api;

/** Which calls an {@link AdaptiveBulkhead} refuses first. Immutable. */
public enum CallPriority {

    /** Work a user waits for: may use the whole limit. */
    LIVE,

    /** Work that can wait or be dropped: refused once only the live reserve is left. */
    BATCH
}
