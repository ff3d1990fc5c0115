package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.EnsembleSnapshot;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the fleet screen's main table, made from a snapshot: one per breaker (and per forced
 * group) of each application, counted over the instances that have it. A row lives as long as its
 * breaker is registered somewhere or forced; it is updated in place, so a table's selection stays.
 *
 * <p>Thread-safety: not thread-safe; confined to the thread of its {@link EnsembleViewModel}.
 */
final class EnsembleMethodRows {

    private static final int INSTANCES = 0, OPEN = 1, HALF_OPEN = 2, CLOSED = 3, FORCED_OPEN = 4, FORCED_CLOSED = 5;

    private final ObservableList<EnsembleMethodRow> rows = FXCollections.observableArrayList();
    private final Map<String, EnsembleMethodRow> byKey = new LinkedHashMap<>();

    ObservableList<EnsembleMethodRow> rows() {
        return rows;
    }

    void update(EnsembleSnapshot s) {
        Set<String> present = new HashSet<>();
        for (EnsembleSnapshot.Application app : new TreeMap<>(s.applications()).values()) {
            Map<String, int[]> counts = new TreeMap<>();
            for (FleetMember m : app.members()) {
                m.breakers().forEach((breaker, state) -> {
                    int[] c = counts.computeIfAbsent(breaker, b -> new int[6]);
                    c[INSTANCES]++;
                    c["OPEN".equals(state.state()) ? OPEN : "HALF_OPEN".equals(state.state()) ? HALF_OPEN : CLOSED]++;
                    c[FORCED_OPEN] += "OPEN".equals(state.forced()) ? 1 : 0;
                    c[FORCED_CLOSED] += "CLOSED".equals(state.forced()) ? 1 : 0;
                });
            }
            app.forced().keySet().forEach(target -> counts.computeIfAbsent(target, t -> new int[6]));
            counts.forEach((target, c) -> {
                String key = app.name() + "\n" + target;
                present.add(key);
                EnsembleMethodRow row = byKey.computeIfAbsent(key, k -> {
                    EnsembleMethodRow made = new EnsembleMethodRow(app.name(), target);
                    rows.add(made);
                    return made;
                });
                row.counts(c[INSTANCES], c[OPEN], c[HALF_OPEN], c[CLOSED], c[FORCED_OPEN], c[FORCED_CLOSED]);
                row.fleetForcing(describe(app.forced().get(target)));
            });
        }
        byKey.keySet().removeIf(key -> {
            if (present.contains(key)) {
                return false;
            }
            rows.remove(byKey.get(key));
            return true;
        });
        rows.sort(Comparator.comparing(EnsembleMethodRow::application).thenComparing(EnsembleMethodRow::target));
    }

    /** {@code OPEN by alice until 03:30:00: db failover}, or empty. */
    private static String describe(FleetForcing f) {
        if (f == null) {
            return "";
        }
        return f.state() + " by " + f.by() + (f.untilEpochMillis() == 0 ? "" : " until "
                + Formats.clock(f.untilEpochMillis())) + (f.reason().isEmpty() ? "" : ": " + f.reason());
    }
}
