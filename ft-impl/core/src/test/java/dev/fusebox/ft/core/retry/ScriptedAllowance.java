package dev.fusebox.ft.core.retry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A retry allowance that grants {@code grants} retries, then refuses; records when it was told and asked. Thread-safe. */
final class ScriptedAllowance implements RetryAllowance {

    final List<Long> firstAttempts = new CopyOnWriteArrayList<>();
    final List<Long> asked = new CopyOnWriteArrayList<>();
    private int grants;

    ScriptedAllowance(int grants) {
        this.grants = grants;
    }

    @Override
    public void firstAttempt(long nowNanos) {
        firstAttempts.add(nowNanos);
    }

    @Override
    public synchronized boolean tryRetry(long nowNanos) {
        asked.add(nowNanos);
        if (grants == 0) {
            return false;
        }
        grants--;
        return true;
    }
}
