package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.viewmodel.EnsembleAuditRow;
import dev.fusebox.console.viewmodel.EnsembleInstanceRow;
import dev.fusebox.console.viewmodel.EnsembleMethodRow;
import dev.fusebox.console.viewmodel.EnsembleViewModel;
import dev.fusebox.console.viewmodel.PendingAction;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The fleet screen: a fleet registered in a ZooKeeper ensemble. On top the connection (connect,
 * disconnect, how it stands); then every breaker of every application across its instances
 * ({@code PaymentsClient#charge: 37 of 40 instances OPEN}, the fleet-wide forcing and who made it,
 * calls/s and rejected/s from Prometheus with a line saying from where or why not) with the
 * fleet-wide actions on the selected one; the instances of its application with that
 * breaker's state on each and "Open over JMX" for today's per-JVM view of one; at the bottom the
 * outcomes of this console's fleet-wide actions and the fleet's audit. Binds to an
 * {@link EnsembleViewModel} only.
 *
 * <p>Thread-safety: a scene-graph node; create and use it on the FX thread only.
 */
public final class EnsembleView extends BorderPane {

    private final EnsembleViewModel vm;
    private final TableView<EnsembleMethodRow> methods = new TableView<>();
    private final TableView<EnsembleInstanceRow> instances = new TableView<>();

    /**
     * @param vm      the fleet screen's state
     * @param openJmx opens the JMX connection dialog for an instance (the drill-down)
     */
    public EnsembleView(EnsembleViewModel vm, Consumer<ConnectionProfile> openJmx) {
        this.vm = vm;
        setId("fleetView");
        setTop(connectionBar());
        SplitPane middle = new SplitPane(methodsPane(), instancesPane(openJmx));
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.6);
        setCenter(middle);
        setBottom(activity());
    }

    /** The table of breakers across instances, for tests and screenshots. */
    public TableView<EnsembleMethodRow> methodTable() {
        return methods;
    }

    public TableView<EnsembleInstanceRow> instanceTable() {
        return instances;
    }

    /** Opens the connection dialog for an ensemble. */
    public void openConnectDialog() {
        EnsembleConnectDialog.show(getScene().getWindow(), vm.connectDialog());
    }

    private HBox connectionBar() {
        Button connect = new Button("Connect to a fleet ...");
        connect.setId("fleetOpenConnectButton");
        connect.setOnAction(e -> openConnectDialog());
        Button disconnect = new Button("Disconnect");
        disconnect.setId("fleetDisconnectButton");
        disconnect.setOnAction(e -> vm.disconnect());
        Label connection = new Label();
        connection.setId("fleetConnection");
        connection.textProperty().bind(vm.connectionProperty());
        vm.connectedProperty().addListener((o, was, now) -> health(connection, now));
        health(connection, vm.connectedProperty().get());
        Label problems = new Label();
        problems.setId("fleetProblems");
        problems.getStyleClass().add("problem");
        problems.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty() ? ""
                : vm.problems().size() + " refused node(s): " + vm.problems().get(0), vm.problems()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, connection, problems, gap, connect, disconnect);
        bar.setPadding(new Insets(6));
        return bar;
    }

    private static void health(Label label, boolean connected) {
        label.getStyleClass().removeAll("health-good", "health-bad");
        label.getStyleClass().add(connected ? "health-good" : "health-bad");
    }

    private VBox methodsPane() {
        methods.setId("fleetMethodTable");
        methods.setItems(vm.methods());
        methods.setPlaceholder(new Label("No instance registered in the fleet (or not connected)"));
        methods.getColumns().setAll(List.of(
                text("Application", r -> constant(r.application())),
                summaryColumn(),
                text("Open", r -> r.openProperty().asString()),
                text("Half-open", r -> r.halfOpenProperty().asString()),
                text("Closed", r -> r.closedProperty().asString()),
                text("Forced on instances", EnsembleMethodRow::forcedHereProperty),
                text("Fleet-wide forcing", EnsembleMethodRow::fleetForcingProperty),
                text("calls/s", EnsembleMethodRow::callsPerSecondProperty),
                text("rejected/s", EnsembleMethodRow::rejectedPerSecondProperty)));
        FittedColumns.fit(methods);
        methods.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));
        VBox.setVgrow(methods, Priority.ALWAYS);
        HBox buttons = new HBox(6, new Label("Fleet-wide (one write, audited):"));
        for (Action action : Action.values()) {
            Button b = new Button(action.label());
            b.setId("fleet" + Character.toUpperCase(action.operation().charAt(0)) + action.operation().substring(1)
                    + "Button");
            b.disableProperty().bind(vm.actionsAllowedProperty().not());
            b.setOnAction(e -> {
                PendingAction pending = vm.prepare(action);
                if (pending != null) {
                    ActionDialog.show(getScene().getWindow(), pending, vm::confirm);
                }
            });
            buttons.getChildren().add(b);
        }
        Label why = new Label();
        why.setId("fleetActionsDisabledReason");
        why.getStyleClass().add("problem");
        why.textProperty().bind(vm.actionsDisabledReasonProperty());
        Label rates = new Label();
        rates.setId("fleetRatesStatus");
        rates.textProperty().bind(vm.rates().statusProperty());
        vm.rates().failingProperty().addListener((o, was, now) -> rates.getStyleClass().setAll(
                now ? List.of("label", "problem") : List.of("label")));
        VBox pane = new VBox(6, methods, rates, buttons, why);
        pane.setPadding(new Insets(6));
        return pane;
    }

    private static TableColumn<EnsembleMethodRow, String> summaryColumn() {
        TableColumn<EnsembleMethodRow, String> summary = text("Breaker across instances",
                EnsembleMethodRow::summaryProperty);
        summary.getProperties().put(FittedColumns.BOLD_CELLS, true); // state-open is bold
        summary.setCellFactory(c -> new FittedCell<>() {
            @Override
            protected void decorate(String value) {
                getStyleClass().removeAll("state-open", "state-half-open", "state-closed");
                if (value != null) {
                    getStyleClass().add(value.contains(" OPEN") ? "state-open" : value.contains("HALF_OPEN")
                            ? "state-half-open" : "state-closed");
                }
            }
        });
        return summary;
    }

    private VBox instancesPane(Consumer<ConnectionProfile> openJmx) {
        instances.setId("fleetInstanceTable");
        instances.setItems(vm.instances());
        instances.setPlaceholder(new Label("Select a breaker to see it on each instance of its application"));
        instances.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        instances.getColumns().setAll(List.of(
                text("Instance", 220, r -> constant(r.instanceId())),
                text("Host", 120, r -> constant(r.host())),
                text("State here", 90, r -> constant(r.state())),
                text("Forced", 110, r -> constant(r.forced())),
                text("Fleet status", 120, r -> constant(r.status())),
                text("Version", 70, r -> constant(r.version())),
                text("JMX address", 300, r -> constant(r.jmxAddress()))));
        VBox.setVgrow(instances, Priority.ALWAYS);
        Button jmx = new Button("Open over JMX ...");
        jmx.setId("fleetOpenJmxButton");
        jmx.disableProperty().bind(instances.getSelectionModel().selectedItemProperty().isNull());
        jmx.setOnAction(e -> {
            ConnectionProfile profile = vm.drillDown(instances.getSelectionModel().getSelectedItem());
            if (profile != null) {
                openJmx.accept(profile);
            }
        });
        VBox pane = new VBox(6, instances, new HBox(6, jmx, new Label("today's JMX view of the selected instance,"
                + " at the address it registered (log in there)")));
        pane.setPadding(new Insets(6));
        return pane;
    }

    private TabPane activity() {
        Label status = new Label();
        status.setId("fleetActionStatus");
        status.textProperty().bind(vm.statusProperty());
        ListView<String> results = new ListView<>(vm.results());
        results.setId("fleetActionResults");
        results.setPlaceholder(new Label("Outcomes of fleet-wide actions appear here: applied by how many instances"));
        VBox resultsBox = new VBox(4, status, results);
        resultsBox.setPadding(new Insets(4, 6, 6, 6));
        Tab resultsTab = new Tab("Fleet action results", resultsBox);

        TableView<EnsembleAuditRow> audit = new TableView<>(vm.audit());
        audit.setId("fleetAuditTable");
        audit.setPlaceholder(new Label("No fleet action audited (yet): read at connect and after each action"));
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        audit.getColumns().setAll(List.of(
                text("Time", 130, r -> constant(r.time())),
                text("Application", 90, r -> constant(r.application())),
                text("By", 80, r -> constant(r.by())),
                text("Action", 90, r -> constant(r.action())),
                text("Target", 240, r -> constant(r.target())),
                text("Reason", 200, r -> constant(r.reason())),
                text("Until", 130, r -> constant(r.until())),
                text("Instances", 200, r -> constant(r.applied()))));
        Button refresh = new Button("Read again");
        refresh.setId("fleetAuditRefresh");
        refresh.setOnAction(e -> vm.refreshAudit());
        VBox auditBox = new VBox(4, audit, refresh);
        auditBox.setPadding(new Insets(4, 6, 6, 6));
        Tab auditTab = new Tab("Fleet audit", auditBox);
        auditTab.setId("fleetAuditTab");

        TabPane tabs = new TabPane(resultsTab, auditTab);
        tabs.setId("fleetBottomTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(190);
        return tabs;
    }
}
