package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.HedgeReading;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.MethodKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Adaptive & hedges" screen: every adaptive bulkhead of the fleet with the limit it found, every
 * hedge with its delay and outcomes, and the chart of the selected bulkhead's recent windows
 * ({@link LimitHistory}). Read only: these policies take no operator action. Rows of a JVM that is not
 * connected stay, marked {@code (last known)}, and the chart of one of them says it is not live; rows
 * go with their JVM, or when a connected JVM no longer has them.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests). Snapshots reach {@link #apply} through the console's view-model.
 */
public final class AdaptiveViewModel {

    private final ObservableList<AdaptiveRow> adaptiveRows = FXCollections.observableArrayList();
    private final ObservableList<HedgeRow> hedgeRows = FXCollections.observableArrayList();
    private final Map<MethodKey, AdaptiveRow> adaptiveByKey = new HashMap<>();
    private final Map<MethodKey, HedgeRow> hedgesByKey = new HashMap<>();
    private final LimitHistory history = new LimitHistory();
    private AdaptiveRow selected;

    AdaptiveViewModel() {
    }

    /** Folds in the latest snapshot of one JVM. */
    void apply(JvmSnapshot s) {
        boolean connected = s.connection().isConnected() && !s.removed();
        Set<MethodKey> adaptiveKeys = fold(s.removed() ? List.of() : s.adaptiveLimits(), AdaptiveLimitReading::key,
                adaptiveByKey, adaptiveRows, AdaptiveRow::new, (row, r) -> row.apply(r, connected));
        Set<MethodKey> hedgeKeys = fold(s.removed() ? List.of() : s.hedges(), HedgeReading::key, hedgesByKey,
                hedgeRows, HedgeRow::new, (row, r) -> row.apply(r, connected));
        if (connected || s.removed()) {
            // a lost JVM keeps its last known rows; a connected one shows what it has now
            drop(s.jvm(), adaptiveKeys, adaptiveByKey, adaptiveRows);
            drop(s.jvm(), hedgeKeys, hedgesByKey, hedgeRows);
        }
        if (selected != null && adaptiveByKey.get(selected.key()) != selected) {
            select(null);
        } else if (selected != null && selected.key().jvm().equals(s.jvm())) {
            history.show(selected.reading(), selected.connected());
        }
    }

    private static <R, W> Set<MethodKey> fold(List<R> readings, Function<R, MethodKey> key, Map<MethodKey, W> byKey,
                                              ObservableList<W> rows, Function<MethodKey, W> create,
                                              BiConsumer<W, R> update) {
        Set<MethodKey> present = new HashSet<>();
        for (R r : readings) {
            MethodKey k = key.apply(r);
            present.add(k);
            W row = byKey.get(k);
            if (row == null) {
                row = create.apply(k);
                byKey.put(k, row);
                rows.add(row);
            }
            update.accept(row, r);
        }
        return present;
    }

    private static <W> void drop(String jvm, Set<MethodKey> keep, Map<MethodKey, W> byKey, ObservableList<W> rows) {
        List<MethodKey> gone = byKey.keySet().stream().filter(k -> k.jvm().equals(jvm) && !keep.contains(k)).toList();
        gone.forEach(k -> rows.remove(byKey.remove(k)));
    }

    /** The operator selected {@code row} (null: none); the chart shows its windows. */
    public void select(AdaptiveRow row) {
        selected = row;
        if (row == null || row.reading() == null) {
            history.clear();
        } else {
            history.show(row.reading(), row.connected());
        }
    }

    /** Every adaptive bulkhead of the fleet. */
    public ObservableList<AdaptiveRow> adaptiveRows() {
        return adaptiveRows;
    }

    /** Every hedge of the fleet. */
    public ObservableList<HedgeRow> hedgeRows() {
        return hedgeRows;
    }

    /** The chart of the selected adaptive bulkhead. */
    public LimitHistory history() {
        return history;
    }
}
