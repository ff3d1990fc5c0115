package dev.fusebox.console.view;

import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.viewmodel.ActionsViewModel;
import dev.fusebox.console.viewmodel.AuditRow;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.ConnectionsViewModel;
import dev.fusebox.console.viewmodel.ConsoleViewModel;
import dev.fusebox.console.viewmodel.FleetRow;
import dev.fusebox.console.viewmodel.Formats;
import dev.fusebox.console.viewmodel.PendingAction;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The console's window content: fleet overview on top, breakers and detail in the middle, and below
 * them the results of actions and the fleet's audit log, each in its tab.
 */
public final class ConsoleView extends BorderPane {

    private final ConsoleViewModel vm;
    private final ConnectionsViewModel connections;
    private final TableView<FleetRow> fleetTable = new TableView<>();
    private final TableView<BreakerRow> breakerTable = new TableView<>();

    public ConsoleView(ConsoleViewModel vm, ConnectionsViewModel connections) {
        this.vm = vm;
        this.connections = connections;
        setId("console");
        getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());
        setTop(new VBox(toolbar(), fleetTable()));
        SplitPane middle = new SplitPane(breakersPane(), detailPane());
        middle.setDividerPositions(0.58);
        setCenter(middle);
        setBottom(bottomTabs());
    }

    /** The breaker table, for tests and screenshots. */
    public TableView<BreakerRow> breakerTable() {
        return breakerTable;
    }

    public TableView<FleetRow> fleetTableView() {
        return fleetTable;
    }

    /** Opens the connection dialog, filled from {@code prefill} when given. */
    public void openConnectDialog(ConnectionProfile prefill) {
        ConnectDialog.show(getScene().getWindow(), connections.connectDialog(prefill));
    }

    private ToolBar toolbar() {
        Button connect = new Button("Connect ...");
        connect.setId("openConnectButton");
        connect.setOnAction(e -> openConnectDialog(null));
        Button reconnect = new Button("Reconnect now");
        reconnect.setId("reconnectButton");
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnectButton");
        reconnect.disableProperty().bind(fleetTable.getSelectionModel().selectedItemProperty().isNull());
        disconnect.disableProperty().bind(fleetTable.getSelectionModel().selectedItemProperty().isNull());
        reconnect.setOnAction(e -> connections.reconnect(fleetTable.getSelectionModel().getSelectedItem()));
        disconnect.setOnAction(e -> connections.disconnect(fleetTable.getSelectionModel().getSelectedItem()));
        Label title = new Label("Fusebox console");
        title.getStyleClass().add("app-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new ToolBar(title, gap, connect, reconnect, disconnect);
    }

    private TableView<FleetRow> fleetTable() {
        fleetTable.setId("fleetTable");
        fleetTable.setItems(vm.fleet());
        fleetTable.setPrefHeight(150);
        fleetTable.setPlaceholder(new Label("Not connected to any JVM: press \"Connect ...\""));
        fleetTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fleetTable.getColumns().setAll(List.of(
                column("JVM", 120, r -> constant(r.jvm())),
                column("Application", 110, r -> constant(r.application().isEmpty() ? "-" : r.application())),
                column("Closed", 60, r -> r.closedProperty().asString()),
                column("Open", 60, r -> r.openProperty().asString()),
                column("Half-open", 70, r -> r.halfOpenProperty().asString()),
                column("Forced", 60, r -> r.forcedProperty().asString()),
                column("Saturated bulkheads", 130, r -> r.saturatedBulkheadsProperty().asString()),
                healthColumn(),
                column("Access", 200, r -> r.accessProperty())));
        return fleetTable;
    }

    private TableColumn<FleetRow, String> healthColumn() {
        TableColumn<FleetRow, String> health = column("Connection", 260, FleetRow::healthProperty);
        health.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("health-bad", "health-good");
                if (!empty && text != null) {
                    getStyleClass().add(text.equals("CONNECTED") ? "health-good" : "health-bad");
                }
            }
        });
        return health;
    }

    private VBox breakersPane() {
        TextField filter = new TextField();
        filter.setId("filterField");
        filter.setPromptText("search JVM, application, bean, method, state");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        CheckBox attention = new CheckBox("only open, half-open or forced");
        attention.setId("attentionOnly");
        attention.selectedProperty().bindBidirectional(vm.attentionOnlyProperty());
        HBox search = new HBox(8, filter, attention);

        breakerTable.setId("breakerTable");
        SortedList<BreakerRow> sorted = new SortedList<>(vm.visibleBreakers());
        sorted.comparatorProperty().bind(breakerTable.comparatorProperty());
        breakerTable.setItems(sorted);
        breakerTable.setPlaceholder(new Label("No circuit breakers (yet)"));
        breakerTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        breakerTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<BreakerRow>) c ->
                vm.select(List.copyOf(breakerTable.getSelectionModel().getSelectedItems())));
        breakerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        breakerTable.getColumns().setAll(List.of(
                column("JVM", 75, r -> constant(r.jvm())),
                column("Application", 75, r -> constant(r.application())),
                column("Bean", 100, r -> constant(r.bean())),
                column("Method", 75, r -> constant(r.method())),
                stateColumn(),
                column("Forced", 100, BreakerRow::forcedBadgeProperty),
                column("Failures", 60, r -> Bindings.createStringBinding(
                        () -> Formats.percent(r.failureRatioProperty().get()), r.failureRatioProperty())),
                column("Calls", 60, r -> Bindings.createStringBinding(
                        () -> Formats.rate(r.callsPerSecondProperty().get()), r.callsPerSecondProperty())),
                column("Rejections", 70, r -> Bindings.createStringBinding(
                        () -> Formats.rate(r.rejectionsPerSecondProperty().get()), r.rejectionsPerSecondProperty())),
                column("In state", 70, BreakerRow::timeInStateProperty)));
        VBox.setVgrow(breakerTable, Priority.ALWAYS);

        VBox pane = new VBox(6, search, breakerTable, selectionActions(), groupActions());
        pane.setPadding(new Insets(6));
        return pane;
    }

    private TableColumn<BreakerRow, String> stateColumn() {
        TableColumn<BreakerRow, String> state = column("State", 160, BreakerRow::stateTextProperty);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("state-open", "state-half-open", "state-closed", "state-stale");
                if (!empty && text != null) {
                    getStyleClass().add(text.endsWith("(last known)") ? "state-stale"
                            : text.startsWith("OPEN") ? "state-open"
                            : text.startsWith("HALF_OPEN") ? "state-half-open" : "state-closed");
                }
            }
        });
        return state;
    }

    private VBox selectionActions() {
        ActionsViewModel actions = vm.actions();
        HBox buttons = new HBox(6);
        addActionButtons(buttons, "", actions.selectionActionsAllowedProperty(), actions::prepare);
        return new VBox(4, buttons, reasonLabel("actionsDisabledReason", actions.selectionDisabledReasonProperty()));
    }

    private VBox groupActions() {
        ActionsViewModel actions = vm.actions();
        ComboBox<String> groups = new ComboBox<>(actions.groups());
        groups.setId("groupChoice");
        groups.setPromptText("group");
        groups.valueProperty().bindBidirectional(actions.selectedGroupProperty());
        HBox line = new HBox(6, new Label("Group in every JVM:"), groups);
        addActionButtons(line, "group", actions.groupActionsAllowedProperty(), actions::prepareForGroup);
        return new VBox(4, line, reasonLabel("groupDisabledReason", actions.groupDisabledReasonProperty()));
    }

    /** One button per action; each opens the confirmation dialog for what {@code prepare} returns. */
    private void addActionButtons(HBox into, String idPrefix, ObservableBooleanValue allowed,
                                  Function<Action, PendingAction> prepare) {
        ActionsViewModel actions = vm.actions();
        for (Action action : Action.values()) {
            Button b = new Button(action.label());
            b.setId(buttonId(action, idPrefix));
            b.disableProperty().bind(Bindings.not(allowed));
            b.setOnAction(e -> {
                PendingAction pending = prepare.apply(action);
                if (pending != null) {
                    ActionDialog.show(getScene().getWindow(), pending, actions);
                }
            });
            into.getChildren().add(b);
        }
    }

    private static Label reasonLabel(String id, ObservableValue<String> reason) {
        Label why = new Label();
        why.setId(id);
        why.getStyleClass().add("problem");
        why.setWrapText(true);
        why.textProperty().bind(reason);
        return why;
    }

    /** {@code forceOpenButton}, {@code groupForceOpenButton}, ... */
    static String buttonId(Action action, String prefix) {
        String op = action.operation();
        String name = prefix.isEmpty() ? op : prefix + Character.toUpperCase(op.charAt(0)) + op.substring(1);
        return name + "Button";
    }

    private ScrollPane detailPane() {
        ScrollPane scroll = new ScrollPane(new DetailPane(vm.detail()));
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(6));
        return scroll;
    }

    private TabPane bottomTabs() {
        Tab results = new Tab("Action results", resultsPane());
        results.setId("resultsTab");
        Tab audit = new Tab("Audit log", auditTable());
        audit.setId("auditTab");
        TabPane tabs = new TabPane(results, audit);
        tabs.setId("bottomTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(170);
        return tabs;
    }

    /** Every audited action of the fleet, newest first, filtered by the search text; refusals marked. */
    private TableView<AuditRow> auditTable() {
        TableView<AuditRow> table = new TableView<>();
        table.setId("auditTable");
        SortedList<AuditRow> sorted = new SortedList<>(vm.visibleAudit());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No audited actions (yet): the console reads each JVM's audit log"
                + " every 5 s, and at once after an action or a state change"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("JVM", 75, r -> constant(r.jvm())),
                column("Time", 130, r -> constant(r.time())),
                column("Principal", 80, r -> constant(r.principal())),
                column("Action", 80, r -> constant(r.action())),
                column("Target", 220, r -> constant(r.target())),
                column("Reason", 180, r -> constant(r.reason())),
                column("Previous -> new", 120, r -> constant(r.change())),
                column("Outcome", 70, r -> constant(r.outcome())),
                column("Detail", 200, r -> constant(r.detail()))));
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

    private VBox resultsPane() {
        Label status = new Label();
        status.setId("actionStatus");
        status.textProperty().bind(vm.actions().statusProperty());
        ListView<String> results = new ListView<>(vm.actions().results());
        results.setId("actionResults");
        results.setPrefHeight(90);
        results.setOrientation(Orientation.VERTICAL);
        results.setPlaceholder(new Label("Results of actions appear here, one line per breaker"));
        VBox box = new VBox(4, status, results);
        box.setPadding(new Insets(4, 6, 6, 6));
        return box;
    }

    private static <R> TableColumn<R, String> column(String title, double width,
                                                     Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return c;
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text).getReadOnlyProperty();
    }
}
