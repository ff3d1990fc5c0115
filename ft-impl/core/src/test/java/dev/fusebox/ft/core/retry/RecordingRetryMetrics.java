package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a retry step reported, in order: "retried", "budgetRefused", "finished <retried> <outcome>". Thread-safe. */
final class RecordingRetryMetrics implements MethodMetrics {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void retryFinished(boolean retried, RetryOutcome outcome) {
        events.add("finished " + retried + " " + outcome);
    }

    @Override
    public void retried() {
        events.add("retried");
    }

    @Override
    public void retryBudgetRefused() {
        events.add("budgetRefused");
    }
}
