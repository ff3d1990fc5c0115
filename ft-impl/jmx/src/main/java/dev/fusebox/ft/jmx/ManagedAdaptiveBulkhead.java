package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.config.AdaptiveBulkheadSpec;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.adaptive.AimdAlgorithm;
import dev.fusebox.ft.core.adaptive.ClosedWindow;
import dev.fusebox.ft.core.adaptive.Priority;
import dev.fusebox.ft.management.AdaptiveBulkheadMXBean;
import dev.fusebox.ft.management.LimitWindow;
import java.util.List;

/**
 * The {@link AdaptiveBulkheadMXBean} of one guarded method: its adaptive limit's policy, state,
 * refusals and history, the windows' times translated by the method's clock. Read only.
 * Thread-safe (the limit is).
 */
final class ManagedAdaptiveBulkhead implements AdaptiveBulkheadMXBean {

    private static final double NANOS_PER_MILLI = 1_000_000d;

    private final Guarded guarded;

    ManagedAdaptiveBulkhead(Guarded guarded) {
        this.guarded = guarded;
    }

    private AdaptiveLimit limit() {
        return guarded.method().adaptiveLimit();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public String getAlgorithm() {
        return limit().policy().algorithm() instanceof AimdAlgorithm ? "AIMD" : "GRADIENT";
    }

    @Override
    public int getLimit() {
        return limit().limit();
    }

    @Override
    public int getMinLimit() {
        return limit().policy().minLimit();
    }

    @Override
    public int getMaxLimit() {
        return limit().policy().maxLimit();
    }

    @Override
    public int getRunning() {
        return limit().inflight();
    }

    @Override
    public double getLiveReserve() {
        return limit().policy().liveReserve();
    }

    @Override
    public String getPriority() {
        AdaptiveBulkheadSpec spec = guarded.method().policy().fusebox().adaptiveBulkhead();
        return spec == null ? Priority.LIVE.name() : spec.priority().name();
    }

    @Override
    public long getWindowMillis() {
        return limit().policy().windowNanos() / 1_000_000L;
    }

    @Override
    public long getRejectedLive() {
        return limit().refused(Priority.LIVE);
    }

    @Override
    public long getRejectedBatch() {
        return limit().refused(Priority.BATCH);
    }

    @Override
    public List<LimitWindow> getHistory() {
        return limit().history().stream().map(this::window).toList();
    }

    private LimitWindow window(ClosedWindow w) {
        return new LimitWindow(w.number(), guarded.clock().toEpochMillis(w.endedNanos()), w.limit(), w.seen().samples(),
                w.seen().averageRttNanos() / NANOS_PER_MILLI, w.seen().maxInflight(), w.seen().dropped());
    }
}
