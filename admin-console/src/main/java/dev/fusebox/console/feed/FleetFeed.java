package dev.fusebox.console.feed;

import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.StateTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the state of every JVM of the fleet and publishes an immutable {@link JvmSnapshot} of a
 * JVM after every change to it.
 *
 * <p>Thread-safety: every method may be called from any thread. State changes happen under this
 * object's lock (a few per second per JVM, so a lock is enough); listeners are called after the
 * lock is released, on the calling thread. Since each connection reports from its own single
 * worker, the snapshots of one JVM reach listeners in order.
 */
public final class FleetFeed implements FeedSink {

    /** How much rate history a breaker keeps by default: five minutes. */
    public static final long DEFAULT_HISTORY_MILLIS = 5 * 60_000L;

    private static final Comparator<MethodKey> ORDER = Comparator.comparing(MethodKey::application)
            .thenComparing(MethodKey::beanClass).thenComparing(MethodKey::method);

    private final long historyMillis;
    private final List<Consumer<JvmSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, JvmState> jvms = new HashMap<>();

    public FleetFeed() {
        this(DEFAULT_HISTORY_MILLIS);
    }

    public FleetFeed(long historyMillis) {
        this.historyMillis = historyMillis;
    }

    public void addListener(Consumer<JvmSnapshot> listener) {
        listeners.add(listener);
    }

    /** The latest snapshot of {@code jvm}, or null when it is not in the fleet. */
    public synchronized JvmSnapshot snapshot(String jvm) {
        JvmState state = jvms.get(jvm);
        return state == null ? null : state.snapshot(false);
    }

    @Override
    public void connectionChanged(String jvm, ConnectionState connection) {
        publish(update(jvm, s -> s.connection = connection));
    }

    @Override
    public void permissionChanged(String jvm, Permission permission) {
        publish(update(jvm, s -> s.permission = permission));
    }

    @Override
    public void polled(JvmReading reading) {
        publish(update(reading.jvm(), s -> s.apply(reading)));
    }

    @Override
    public void breakerRead(BreakerReading reading, long atMillis) {
        publish(update(reading.key().jvm(), s -> s.apply(reading, atMillis)));
    }

    @Override
    public void stateNotified(MethodKey key, String newState, String cause, long atMillis) {
        publish(update(key.jvm(), s -> {
            BreakerEntry entry = s.breakers.get(key);
            if (entry != null) {
                entry.reading = entry.reading.withState(newState);
                entry.lastCause = cause;
            }
        }));
    }

    @Override
    public void saturationNotified(MethodKey key, boolean saturated, long atMillis) {
        publish(update(key.jvm(), s -> {
            BulkheadEntry entry = s.bulkheads.get(key);
            if (entry != null) {
                entry.reading = entry.reading.withSaturated(saturated);
            }
        }));
    }

    @Override
    public void removed(Collection<String> gone) {
        List<JvmSnapshot> last = new ArrayList<>();
        synchronized (this) {
            for (String jvm : gone) {
                JvmState state = jvms.remove(jvm);
                if (state != null) {
                    last.add(state.snapshot(true));
                }
            }
        }
        last.forEach(this::publish);
    }

    private synchronized JvmSnapshot update(String jvm, Consumer<JvmState> change) {
        JvmState state = jvms.computeIfAbsent(jvm, JvmState::new);
        change.accept(state);
        return state.snapshot(false);
    }

    private void publish(JvmSnapshot snapshot) {
        for (Consumer<JvmSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }

    private final class JvmState {
        final String jvm;
        ConnectionState connection = ConnectionState.connecting();
        Permission permission = Permission.unknown("not probed yet");
        Map<String, List<BreakerGroup>> groups = Map.of();
        Map<String, List<AuditEntry>> auditLogs = Map.of();
        final Map<MethodKey, BreakerEntry> breakers = new LinkedHashMap<>();
        final Map<MethodKey, BulkheadEntry> bulkheads = new LinkedHashMap<>();
        List<RateLimitReading> rateLimits = List.of();
        List<RetryBudgetReading> retryBudgets = List.of();
        List<AdaptiveLimitReading> adaptiveLimits = List.of();
        List<HedgeReading> hedges = List.of();

        JvmState(String jvm) {
            this.jvm = jvm;
        }

        void apply(JvmReading reading) {
            groups = reading.groups();
            applyAuditLogs(reading);
            Map<MethodKey, BreakerEntry> seen = new HashMap<>();
            for (BreakerReading b : reading.breakers()) {
                BreakerEntry entry = breakers.computeIfAbsent(b.key(), k -> new BreakerEntry());
                entry.update(b, reading.atMillis());
                seen.put(b.key(), entry);
            }
            breakers.keySet().retainAll(seen.keySet());
            Map<MethodKey, BulkheadEntry> seenBulkheads = new HashMap<>();
            for (BulkheadReading b : reading.bulkheads()) {
                BulkheadEntry entry = bulkheads.computeIfAbsent(b.key(), k -> new BulkheadEntry());
                entry.update(b, reading.atMillis());
                seenBulkheads.put(b.key(), entry);
            }
            bulkheads.keySet().retainAll(seenBulkheads.keySet());
            rateLimits = reading.rateLimits().stream().sorted(Comparator.comparing(RateLimitReading::key, ORDER))
                    .toList();
            retryBudgets = reading.retryBudgets().stream()
                    .sorted(Comparator.comparing(RetryBudgetReading::key, ORDER)).toList();
            adaptiveLimits = reading.adaptiveLimits().stream()
                    .sorted(Comparator.comparing(AdaptiveLimitReading::key, ORDER)).toList();
            hedges = reading.hedges().stream().sorted(Comparator.comparing(HedgeReading::key, ORDER)).toList();
        }

        /**
         * Keeps the log read before unless this poll read a different one: an audit log is a bounded
         * list that only grows at its end, so the same size and the same last entry mean the same log.
         * Applications whose registry has gone lose their log.
         */
        private void applyAuditLogs(JvmReading reading) {
            Map<String, List<AuditEntry>> next = new HashMap<>(auditLogs);
            next.keySet().retainAll(reading.groups().keySet());
            boolean changed = next.size() != auditLogs.size();
            for (Map.Entry<String, List<AuditEntry>> read : reading.auditLogs().entrySet()) {
                List<AuditEntry> before = next.get(read.getKey());
                if (before == null || !sameLog(before, read.getValue())) {
                    next.put(read.getKey(), read.getValue());
                    changed = true;
                }
            }
            if (changed) {
                auditLogs = Map.copyOf(next);
            }
        }

        void apply(BreakerReading reading, long atMillis) {
            BreakerEntry entry = breakers.get(reading.key());
            if (entry == null) {
                breakers.put(reading.key(), entry = new BreakerEntry());
                entry.update(reading, atMillis);
            } else {
                entry.updateBetweenPolls(reading);
            }
        }

        JvmSnapshot snapshot(boolean removed) {
            List<BreakerSnapshot> b = new ArrayList<>(breakers.size());
            breakers.values().forEach(e -> b.add(e.snapshot()));
            b.sort(Comparator.comparing(BreakerSnapshot::key, ORDER));
            List<BulkheadSnapshot> h = new ArrayList<>(bulkheads.size());
            bulkheads.values().forEach(e -> h.add(e.snapshot()));
            h.sort(Comparator.comparing(BulkheadSnapshot::key, ORDER));
            return new JvmSnapshot(jvm, connection, permission, groups, b, h, auditLogs, removed, rateLimits,
                    retryBudgets, adaptiveLimits, hedges);
        }
    }

    static boolean sameLog(List<AuditEntry> before, List<AuditEntry> read) {
        return before.size() == read.size()
                && (read.isEmpty() || before.get(before.size() - 1).equals(read.get(read.size() - 1)));
    }

    private final class BreakerEntry {
        final CounterRates rates = new CounterRates(historyMillis);
        BreakerReading reading;
        String lastCause = "";

        void update(BreakerReading next, long atMillis) {
            reading = next;
            rates.record(atMillis, next.calls(), next.failures(), next.rejections());
            List<StateTransition> transitions = next.transitions();
            if (!transitions.isEmpty()) {
                lastCause = transitions.get(transitions.size() - 1).cause();
            }
        }

        /**
         * A re-read a few milliseconds after (or before) a poll would turn a handful of calls into a
         * huge rate: rates come from the regular polls only.
         */
        void updateBetweenPolls(BreakerReading next) {
            reading = next;
            List<StateTransition> transitions = next.transitions();
            if (!transitions.isEmpty()) {
                lastCause = transitions.get(transitions.size() - 1).cause();
            }
        }

        BreakerSnapshot snapshot() {
            return new BreakerSnapshot(reading, rates.latest(), rates.history(), lastCause);
        }
    }

    private static final class BulkheadEntry {
        BulkheadReading reading;
        long lastAt = -1;
        double acceptedPerSecond;
        double rejectionsPerSecond;

        void update(BulkheadReading next, long atMillis) {
            if (reading != null && lastAt >= 0 && atMillis > lastAt && next.accepted() >= reading.accepted()
                    && next.rejected() >= reading.rejected()) {
                double seconds = (atMillis - lastAt) / 1000.0;
                acceptedPerSecond = (next.accepted() - reading.accepted()) / seconds;
                rejectionsPerSecond = (next.rejected() - reading.rejected()) / seconds;
            } else {
                acceptedPerSecond = 0;
                rejectionsPerSecond = 0;
            }
            reading = next;
            lastAt = atMillis;
        }

        BulkheadSnapshot snapshot() {
            return new BulkheadSnapshot(reading, acceptedPerSecond, rejectionsPerSecond);
        }
    }
}
