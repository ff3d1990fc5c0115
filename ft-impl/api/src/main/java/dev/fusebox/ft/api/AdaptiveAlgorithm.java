package dev.fusebox.ft.api;

/** How an {@link AdaptiveBulkhead}'s limit moves after each sampling window (see docs/adaptive.md). Immutable. */
public enum AdaptiveAlgorithm {

    /** Additive increase, multiplicative decrease: +1 per busy window, x0.9 on a drop or a window slower than 5 s. */
    AIMD,

    /** Follows the ratio of a long-term latency to the window's: shrinks as latency rises, before calls fail. */
    GRADIENT
}
