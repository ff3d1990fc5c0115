package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.ActionsViewModel;
import dev.fusebox.console.viewmodel.AuditRow;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The bottom of the window, two tabs: the results of this console's actions (one line per breaker,
 * newest first) and the fleet's audit log (every JVM's audited actions, newest first, filtered by
 * the search text; refusals marked).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class ActivityTabs extends TabPane {

    ActivityTabs(ActionsViewModel actions, ObservableList<AuditRow> visibleAudit) {
        Tab results = new Tab("Action results", resultsPane(actions));
        results.setId("resultsTab");
        Tab audit = new Tab("Audit log", auditTable(visibleAudit));
        audit.setId("auditTab");
        getTabs().addAll(results, audit);
        setId("bottomTabs");
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setPrefHeight(170);
    }

    private static VBox resultsPane(ActionsViewModel actions) {
        Label status = new Label();
        status.setId("actionStatus");
        status.textProperty().bind(actions.statusProperty());
        ListView<String> results = new ListView<>(actions.results());
        results.setId("actionResults");
        results.setPrefHeight(90);
        results.setOrientation(Orientation.VERTICAL);
        results.setPlaceholder(new Label("Results of actions appear here, one line per breaker"));
        VBox box = new VBox(4, status, results);
        box.setPadding(new Insets(4, 6, 6, 6));
        return box;
    }

    private static TableView<AuditRow> auditTable(ObservableList<AuditRow> visibleAudit) {
        TableView<AuditRow> table = new TableView<>();
        table.setId("auditTable");
        SortedList<AuditRow> sorted = new SortedList<>(visibleAudit);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No audited actions (yet): the console reads each JVM's audit log"
                + " every 5 s, and at once after an action or a state change"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                text("JVM", 75, r -> constant(r.jvm())),
                text("Time", 130, r -> constant(r.time())),
                text("Principal", 80, r -> constant(r.principal())),
                text("Action", 80, r -> constant(r.action())),
                text("Target", 220, r -> constant(r.target())),
                text("Reason", 180, r -> constant(r.reason())),
                text("Previous -> new", 120, r -> constant(r.change())),
                text("Outcome", 70, r -> constant(r.outcome())),
                text("Detail", 200, r -> constant(r.detail()))));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("audit-refused");
                if (!empty && row != null && row.refused()) {
                    getStyleClass().add("audit-refused");
                }
            }
        });
        return table;
    }
}
