package dev.fusebox.ft.core.adaptive;

/**
 * One closed sampling window of an {@link AdaptiveLimit}, as its history keeps it. Immutable.
 *
 * @param number     the window's number, 1 for the first window closed
 * @param endedNanos when it closed, on the ticker the limit was made with
 * @param seen       what it saw
 * @param limit      the limit it set for the next window
 */
public record ClosedWindow(long number, long endedNanos, WindowSummary seen, int limit) {
}
