package dev.fusebox.console.view;

import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.ConnectionsViewModel;
import dev.fusebox.console.viewmodel.ConsoleViewModel;
import dev.fusebox.console.viewmodel.EnsembleViewModel;
import dev.fusebox.console.viewmodel.GameDayViewModel;
import dev.fusebox.console.viewmodel.FleetRow;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The console's window content, put together: the toolbar on top, then four tabs. "JVMs (JMX)": the
 * {@link FleetTable}, the search, {@link BreakerTable} and {@link ActionButtons} beside the
 * {@link DetailPane}, and the {@link ActivityTabs} below. "Limits & shadow": the {@link LimitsView} of
 * the same JVMs (rate limits, shadow modes, retry budgets). "Adaptive & hedges": the
 * {@link AdaptiveView} (adaptive limits with the chart of their recent windows, hedges). "Fleet (ZooKeeper)": the
 * {@link EnsembleView} of a fleet registered in an ensemble, whose drill-down into one instance
 * comes back to the first tab through its JMX connection dialog. "Game day": the {@link GameDayView}
 * (an experiment's faults switched on a JVM's injectors, shown on the breaker chart). It binds to the
 * view-models only.
 *
 * <p>Thread-safety: a scene-graph node; create and use it on the FX thread only.
 */
public final class ConsoleView extends BorderPane {

    private final ConsoleViewModel vm;
    private final ConnectionsViewModel connections;
    private final FleetTable fleetTable;
    private final BreakerTable breakerTable;
    private final EnsembleView ensembleView;
    private final TabPane screens;
    private final Tab jvmsTab;

    public ConsoleView(ConsoleViewModel vm, ConnectionsViewModel connections, EnsembleViewModel ensemble,
                       GameDayViewModel gameDay) {
        this.vm = vm;
        this.connections = connections;
        this.fleetTable = new FleetTable(vm.fleet());
        this.breakerTable = new BreakerTable(vm);
        setId("console");
        getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());
        setTop(toolbar());
        SplitPane middle = new SplitPane(breakersPane(), detailPane());
        middle.setDividerPositions(0.63);
        BorderPane jvms = new BorderPane(middle, fleetTable, null, new ActivityTabs(vm.actions(), vm.visibleAudit()),
                null);
        this.ensembleView = new EnsembleView(ensemble, this::openJmxOfInstance);
        jvmsTab = new Tab("JVMs (JMX)", jvms);
        jvmsTab.setId("jvmsTab");
        Tab fleetTab = new Tab("Fleet (ZooKeeper)", ensembleView);
        fleetTab.setId("fleetTab");
        Tab limitsTab = new Tab("Limits & shadow", new LimitsView(vm.limits()));
        limitsTab.setId("limitsTab");
        Tab adaptiveTab = new Tab("Adaptive & hedges", new AdaptiveView(vm.adaptive()));
        adaptiveTab.setId("adaptiveTab");
        Tab gameDayTab = new Tab("Game day", new GameDayView(gameDay));
        gameDayTab.setId("gameDayTab");
        screens = new TabPane(jvmsTab, limitsTab, adaptiveTab, fleetTab, gameDayTab);
        screens.setId("screens");
        screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(screens);
    }

    /** The fleet screen (fourth tab). */
    public EnsembleView ensembleView() {
        return ensembleView;
    }


    /** The drill-down from the fleet screen: back to the JVMs tab, with the connection dialog for the instance. */
    private void openJmxOfInstance(ConnectionProfile profile) {
        screens.getSelectionModel().select(jvmsTab);
        openConnectDialog(profile);
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
        VBox.setVgrow(breakerTable, Priority.ALWAYS);
        VBox pane = new VBox(6, search, breakerTable, new ActionButtons(vm.actions()));
        pane.setPadding(new Insets(6));
        return pane;
    }

    private ScrollPane detailPane() {
        ScrollPane scroll = new ScrollPane(new DetailPane(vm.detail()));
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(6));
        return scroll;
    }
}
