package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.adaptive.Priority;
import dev.fusebox.ft.core.hedge.Hedge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One number an engine keeps that a backend publishes by reading it (docs/metrics.md): a gauge
 * (a value now) or a total (a count since deployment, published as a MicroProfile gauge and an
 * OpenTelemetry asynchronous counter). The engines count on their own paths, so publishing them
 * costs the calls nothing. Immutable; {@code value} reads a thread-safe engine from any thread.
 *
 * @param name  the metric's name
 * @param total whether it is a running total rather than a value now
 * @param tags  tags besides {@code method}
 * @param value reads it
 */
public record EngineReading(String name, boolean total, Map<String, String> tags, LongSupplier value) {

    /** Fusebox's {@code @AdaptiveBulkhead}: the limit now. */
    public static final String ADAPTIVE_LIMIT = "ft.adaptivebulkhead.limit";
    /** Fusebox's {@code @AdaptiveBulkhead}: calls holding a place now. */
    public static final String ADAPTIVE_RUNNING = "ft.adaptivebulkhead.executionsRunning";
    /** Fusebox's {@code @AdaptiveBulkhead}: calls refused, tag {@code priority} = live or batch. */
    public static final String ADAPTIVE_REJECTED = "ft.adaptivebulkhead.rejected.total";
    /** Fusebox's {@code @Hedge}: extra attempts, tag {@code hedgeResult} = started, won or refused. */
    public static final String HEDGES = "ft.hedge.hedges.total";

    public EngineReading {
        tags = Map.copyOf(tags);
    }

    /**
     * The readings of an adaptive limit and a hedge, either absent (null); each reads the engine
     * {@code adaptive} or {@code hedge} supplies at that moment, which may be null (then 0).
     */
    public static List<EngineReading> of(Supplier<AdaptiveLimit> adaptive, Supplier<Hedge> hedge, boolean hasAdaptive,
                                         boolean hasHedge) {
        List<EngineReading> readings = new ArrayList<>();
        if (hasAdaptive) {
            readings.add(new EngineReading(ADAPTIVE_LIMIT, false, Map.of(), read(adaptive, AdaptiveLimit::limit)));
            readings.add(new EngineReading(ADAPTIVE_RUNNING, false, Map.of(), read(adaptive, AdaptiveLimit::inflight)));
            for (Priority priority : Priority.values()) {
                readings.add(new EngineReading(ADAPTIVE_REJECTED, true, Map.of("priority", priority.name().toLowerCase(java.util.Locale.ROOT)),
                        read(adaptive, limit -> limit.refused(priority))));
            }
        }
        if (hasHedge) {
            readings.add(new EngineReading(HEDGES, true, Map.of("hedgeResult", "started"), read(hedge, Hedge::hedgesStarted)));
            readings.add(new EngineReading(HEDGES, true, Map.of("hedgeResult", "won"), read(hedge, Hedge::hedgesWon)));
            readings.add(new EngineReading(HEDGES, true, Map.of("hedgeResult", "refused"), read(hedge, Hedge::hedgesRefused)));
        }
        return readings;
    }

    private static <E> LongSupplier read(Supplier<E> engine, java.util.function.ToLongFunction<E> value) {
        return () -> {
            E now = engine.get();
            return now == null ? 0 : value.applyAsLong(now);
        };
    }
}
