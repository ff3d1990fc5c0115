package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.GameDayStep;
import dev.fusebox.console.viewmodel.GameDayViewModel;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The "Game day" screen: the experiment file (a path, "Choose ..." and "Load"), its parse error with
 * file and line, the JVM to run it against, the schedule, Start (a confirmation with a required
 * reason; disabled with the reason beside it, for a viewer or a JVM that is not connected), Abort,
 * the status and the run's log. The faults show on the rate chart of the JVMs tab's breaker detail.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class GameDayView extends VBox {

    GameDayView(GameDayViewModel vm) {
        super(6);
        setId("gameDayView");
        setPadding(new Insets(6));

        TextField path = new TextField();
        path.setId("gameDayPath");
        path.setPromptText("an experiment file, e.g. samples/chaos/experiments/outage.exp");
        path.textProperty().bindBidirectional(vm.pathProperty());
        path.setOnAction(e -> vm.load());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose ...");
        choose.setId("gameDayChoose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Experiment file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiments (*.exp)", "*.exp"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.pathProperty().set(file.getPath());
                vm.load();
            }
        });
        Button load = new Button("Load");
        load.setId("gameDayLoad");
        load.setOnAction(e -> vm.load());
        choose.disableProperty().bind(vm.runningProperty());
        load.disableProperty().bind(vm.runningProperty());
        path.disableProperty().bind(vm.runningProperty());

        Label parseError = new Label();
        parseError.setId("gameDayParseError");
        parseError.getStyleClass().add("problem");
        parseError.setWrapText(true);
        parseError.textProperty().bind(vm.parseErrorProperty());
        Label description = new Label();
        description.setId("gameDayDescription");
        description.setWrapText(true);
        description.textProperty().bind(vm.descriptionProperty());

        ComboBox<String> jvm = new ComboBox<>(vm.jvms());
        jvm.setId("gameDayJvm");
        jvm.setPromptText("a connected JVM");
        jvm.valueProperty().bindBidirectional(vm.jvmProperty());
        jvm.disableProperty().bind(vm.runningProperty());

        Button start = new Button("Start ...");
        start.setId("gameDayStart");
        Button abort = new Button("Abort (heal all)");
        abort.setId("gameDayAbort");
        abort.disableProperty().bind(vm.runningProperty().not());
        abort.setOnAction(e -> vm.abort());
        Label startProblem = new Label();
        startProblem.setId("gameDayStartProblem");
        startProblem.getStyleClass().add("problem");
        startProblem.textProperty().bind(vm.startProblemProperty());
        start.disableProperty().bind(vm.startProblemProperty().isNotEmpty());
        start.setOnAction(e -> confirm(vm));

        GridPane form = ConfirmationDialog.form();
        form.addRow(0, new Label("Experiment"), new HBox(6, path, choose, load));
        form.addRow(1, new Label("JVM"), new HBox(6, jvm, start, abort, startProblem));
        GridPane.setHgrow(form.getChildren().get(1), Priority.ALWAYS);

        TableView<GameDayStep> schedule = new TableView<>(vm.steps());
        schedule.setId("gameDaySchedule");
        schedule.setPlaceholder(new Label("Load an experiment file to see its fault schedule"));
        schedule.setPrefHeight(180);
        schedule.getColumns().setAll(List.of(
                text("Dependency", 130, s -> constant(s.dependency())),
                text("Fault", 160, s -> constant(s.fault())),
                text("From", 80, s -> constant(s.from())),
                text("To", 80, s -> constant(s.to())),
                text("State", 320, s -> constant(s.state()))));

        Label status = new Label();
        status.setId("gameDayStatus");
        status.setWrapText(true);
        status.getStyleClass().add("detail-title");
        status.textProperty().bind(vm.statusProperty());
        ListView<String> log = new ListView<>(vm.log());
        log.setId("gameDayLog");
        VBox.setVgrow(log, Priority.ALWAYS);
        Label note = new Label("The console switches faults only; the service's own traffic meets them (the demo"
                + " shop makes its own load). The faults show as shaded bands on the breaker chart of the JVMs tab.");
        note.setWrapText(true);
        getChildren().addAll(form, parseError, description, schedule, status, note, log);
    }

    private void confirm(GameDayViewModel vm) {
        GridPane form = ConfirmationDialog.form();
        TextField reason = new TextField();
        reason.setId("gameDayReasonField");
        reason.setPromptText("why (kept in the game-day log): e.g. quarterly game day, INC-4711 follow-up");
        reason.setPrefColumnCount(40);
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        form.addRow(0, new Label("Reason"), reason);
        ConfirmationDialog.show(getScene().getWindow(), "Start game day", vm.confirmation(), form, 1,
                Bindings.createStringBinding(vm.confirmProblemProperty()::get, vm.confirmProblemProperty()),
                vm.confirmProblemProperty().isEmpty(), "gameDay", vm::start);
    }
}
