package dev.fusebox.ft.cdi.config;

/** A resolved {@code @Bulkhead}: concurrent executions, and queue places for asynchronous calls. */
public record BulkheadSpec(int value, int waitingTaskQueue) {
}
