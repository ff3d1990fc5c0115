package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.BulkheadSnapshot;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.FleetOperations;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The console's state: the fleet overview, every breaker of the fleet (filtered by a search text
 * and an "attention only" switch), the selection and its detail, the actions, the audit logs
 * of the fleet (filtered by the same search text), the {@link LimitsViewModel} of the
 * "Limits & shadow" screen and the {@link AdaptiveViewModel} of the "Adaptive & hedges" screen.
 * {@link #apply(JvmSnapshot)} folds in what the feed published; only changed values fire.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests). Snapshots from the feed reach {@link #apply} on that thread through
 * the {@code UiDispatcher}.
 */
public final class ConsoleViewModel {

    private final ObservableList<FleetRow> fleet = FXCollections.observableArrayList();
    private final ObservableList<BreakerRow> breakers = FXCollections.observableArrayList();
    private final FilteredList<BreakerRow> visibleBreakers = new FilteredList<>(breakers);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty attentionOnly = new SimpleBooleanProperty(this, "attentionOnly");
    private final SimpleObjectProperty<BreakerRow> focused = new SimpleObjectProperty<>(this, "focused");
    private final BreakerDetail detail = new BreakerDetail();
    private final ActionsViewModel actions;
    private final LimitsViewModel limits;
    private final AdaptiveViewModel adaptive = new AdaptiveViewModel();
    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> visibleAudit = new FilteredList<>(audit);
    /** The audit logs the rows were made from, per JVM: rows are made again only when they change. */
    private final Map<String, Map<String, List<AuditEntry>>> auditLogs = new LinkedHashMap<>();
    /** A game day's chart marks per JVM ({@link GameDayViewModel}), shown on every breaker of that JVM. */
    private final ObservableMap<String, ChartMarks> chartMarks = FXCollections.observableHashMap();

    private final Map<String, JvmSnapshot> jvms = new LinkedHashMap<>();
    private final Map<MethodKey, BreakerRow> rowsByKey = new HashMap<>();
    private List<BreakerRow> selection = List.of();

    /**
     * @param operations where confirmed actions go
     * @param ui         runs work finished elsewhere on the thread that owns this view-model
     */
    public ConsoleViewModel(FleetOperations operations, Executor ui) {
        this.actions = new ActionsViewModel(operations, ui);
        this.limits = new LimitsViewModel(operations, actions);
        filter.addListener((o, was, now) -> refilter());
        attentionOnly.addListener((o, was, now) -> refilter());
        chartMarks.addListener((MapChangeListener<String, ChartMarks>) c -> detail.marks(focused.get() == null
                ? null : chartMarks.get(focused.get().jvm())));
    }

    /** Folds in the latest snapshot of one JVM. */
    public void apply(JvmSnapshot s) {
        limits.apply(s);
        adaptive.apply(s);
        if (s.removed()) {
            jvms.remove(s.jvm());
            fleet.removeIf(r -> r.jvm().equals(s.jvm()));
            List<BreakerRow> gone = breakers.filtered(r -> r.jvm().equals(s.jvm()));
            gone.forEach(r -> rowsByKey.remove(r.key()));
            breakers.removeAll(List.copyOf(gone));
            if (auditLogs.remove(s.jvm()) != null) {
                rebuildAudit();
            }
        } else {
            jvms.put(s.jvm(), s);
            applyFleet(s);
            applyBreakers(s);
            if (!s.auditLogs().equals(auditLogs.get(s.jvm()))) {
                auditLogs.put(s.jvm(), s.auditLogs());
                rebuildAudit();
            }
        }
        select(selection.stream().filter(r -> rowsByKey.get(r.key()) == r).toList());
    }

    private void applyFleet(JvmSnapshot s) {
        List<String> apps = s.applications().isEmpty() ? List.of("") : s.applications();
        fleet.removeIf(r -> r.jvm().equals(s.jvm()) && !apps.contains(r.application()));
        String access = switch (s.permission().role()) {
            case OPERATOR -> "operator";
            case VIEWER -> "viewer: " + s.permission().reason();
            case UNKNOWN -> "may act (role not known)";
        };
        for (String app : apps) {
            FleetRow row = fleet.stream().filter(r -> r.jvm().equals(s.jvm()) && r.application().equals(app))
                    .findFirst().orElse(null);
            if (row == null) {
                row = new FleetRow(s.jvm(), app);
                fleet.add(row);
            }
            int closed = 0, open = 0, halfOpen = 0, forced = 0, saturated = 0;
            for (BreakerSnapshot b : s.breakers()) {
                if (b.key().application().equals(app)) {
                    switch (b.reading().state()) {
                        case "OPEN" -> open++;
                        case "HALF_OPEN" -> halfOpen++;
                        default -> closed++;
                    }
                    forced += b.reading().forced() ? 1 : 0;
                }
            }
            for (BulkheadSnapshot b : s.bulkheads()) {
                saturated += b.key().application().equals(app) && b.reading().saturated() ? 1 : 0;
            }
            row.counts(closed, open, halfOpen, forced, saturated);
            row.health(s.connection().describe(), s.connection().isConnected(), access);
        }
    }

    private void applyBreakers(JvmSnapshot s) {
        boolean connected = s.connection().isConnected();
        Set<MethodKey> present = new HashSet<>();
        List<BreakerRow> added = new ArrayList<>();
        for (BreakerSnapshot b : s.breakers()) {
            present.add(b.key());
            BreakerRow row = rowsByKey.get(b.key());
            if (row == null) {
                row = new BreakerRow(b.key());
                rowsByKey.put(b.key(), row);
                added.add(row);
            }
            row.apply(b, connected);
        }
        if (!connected) {
            // a lost JVM keeps its last known rows, marked as not connected
            breakers.stream().filter(r -> r.jvm().equals(s.jvm())).forEach(r -> r.connected(false));
        } else {
            List<BreakerRow> gone = breakers.stream().filter(r -> r.jvm().equals(s.jvm())
                    && !present.contains(r.key())).toList();
            gone.forEach(r -> rowsByKey.remove(r.key()));
            breakers.removeAll(gone);
        }
        breakers.addAll(added);
        if (!added.isEmpty() || attentionOnly.get()) {
            refilter();
        }
        BreakerRow f = focused.get();
        if (f != null && f.jvm().equals(s.jvm()) && f.snapshotProperty().get() != null) {
            showDetail(f);
        }
    }

    /** Every audit entry of the fleet, newest first (entries of the same millisecond in log order). */
    private void rebuildAudit() {
        List<AuditRow> rows = new ArrayList<>();
        auditLogs.forEach((jvm, logs) -> logs.forEach((app, entries) -> {
            for (int i = entries.size() - 1; i >= 0; i--) {
                rows.add(new AuditRow(jvm, app, entries.get(i)));
            }
        }));
        rows.sort(Comparator.comparingLong((AuditRow r) -> r.entry().atEpochMillis()).reversed());
        audit.setAll(rows);
    }

    /** The operator selected these rows (first one is shown in the detail). */
    public void select(List<BreakerRow> rows) {
        selection = List.copyOf(rows);
        BreakerRow first = rows.isEmpty() ? null : rows.get(0);
        if (first != focused.get()) {
            focused.set(first);
        }
        if (first == null) {
            detail.clear();
        } else {
            showDetail(first);
        }
        Map<String, ConnectionState> connections = new HashMap<>();
        Map<String, Permission> permissions = new HashMap<>();
        Set<String> groupNames = new TreeSet<>();
        jvms.values().forEach(j -> {
            connections.put(j.jvm(), j.connection());
            permissions.put(j.jvm(), j.permission());
            j.groups().values().forEach(list -> list.stream().map(BreakerGroup::name).forEach(groupNames::add));
        });
        actions.update(selection.stream().map(BreakerRow::key).toList(), connections, permissions, groupNames);
        limits.refresh();
    }

    private void showDetail(BreakerRow row) {
        BreakerSnapshot s = row.snapshotProperty().get();
        JvmSnapshot jvm = jvms.get(row.jvm());
        if (s == null || jvm == null) {
            return;
        }
        detail.show(s, jvm.bulkheads().stream().filter(b -> b.key().application().equals(row.application()))
                .toList(), jvm.connection().isConnected());
        detail.marks(chartMarks.get(row.jvm()));
        MethodKey key = row.key();
        detail.showAudit(audit.stream().filter(a -> a.jvm().equals(key.jvm())
                && a.application().equals(key.application()) && key.name().equals(a.target())).toList());
    }

    private void refilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        boolean onlyAttention = attentionOnly.get();
        visibleBreakers.setPredicate(r -> (text.isEmpty() || r.matches(text)) && (!onlyAttention
                || r.needsAttention()));
        visibleAudit.setPredicate(text.isEmpty() ? null : r -> r.matches(text));
    }

    public ObservableList<FleetRow> fleet() {
        return fleet;
    }

    /** Every breaker of the fleet. */
    public ObservableList<BreakerRow> breakers() {
        return breakers;
    }

    /** The breakers that pass the filter. */
    public ObservableList<BreakerRow> visibleBreakers() {
        return visibleBreakers;
    }

    /** Every audited operator action of the fleet, newest first. */
    public ObservableList<AuditRow> audit() {
        return audit;
    }

    /** The audited actions that pass the search text (the "attention only" switch does not apply). */
    public ObservableList<AuditRow> visibleAudit() {
        return visibleAudit;
    }

    /** Search text over the breakers' JVM, application, bean, method and state, and every audit column. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Show only breakers that are open, half-open or forced. */
    public BooleanProperty attentionOnlyProperty() {
        return attentionOnly;
    }

    /** The row the detail shows. */
    public ReadOnlyObjectProperty<BreakerRow> focusedProperty() {
        return focused;
    }

    public BreakerDetail detail() {
        return detail;
    }

    public ActionsViewModel actions() {
        return actions;
    }

    /** The "Limits & shadow" screen: rate limits, shadow modes, retry budgets. */
    public LimitsViewModel limits() {
        return limits;
    }

    /** The "Adaptive & hedges" screen: adaptive limits with their recent windows, hedges. */
    public AdaptiveViewModel adaptive() {
        return adaptive;
    }

    /** Where a game day puts its chart marks, per JVM. */
    public ObservableMap<String, ChartMarks> chartMarks() {
        return chartMarks;
    }

    /** The latest snapshot of {@code jvm}, or null. */
    public JvmSnapshot jvm(String jvm) {
        return jvms.get(jvm);
    }
}
