package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.ConsoleViewModel;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Every breaker of the fleet that passes the view-model's filter, sortable by any column, with
 * multiple selection (the view-model learns every change of the selection). Columns are as wide as
 * their text ({@link FittedColumns}); the JVM and application columns show only while the rows shown
 * come from more than one (the fleet overview names them); the bean column shows the simple class
 * name, the full name in a tooltip. The state column is coloured: open, half-open, closed, and grey for rows of a JVM that went
 * away ({@code (last known)}, whose rates show {@code —}).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class BreakerTable extends TableView<BreakerRow> {

    BreakerTable(ConsoleViewModel vm) {
        setId("breakerTable");
        SortedList<BreakerRow> sorted = new SortedList<>(vm.visibleBreakers());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setPlaceholder(new Label("No circuit breakers (yet)"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BreakerRow>) c ->
                vm.select(List.copyOf(getSelectionModel().getSelectedItems())));
        TableColumn<BreakerRow, String> jvm = text("JVM", r -> constant(r.jvm()));
        TableColumn<BreakerRow, String> application = text("Application", r -> constant(r.application()));
        getColumns().setAll(List.of(jvm, application,
                beanColumn(),
                text("Method", r -> constant(r.method())),
                stateColumn(),
                text("Forced", BreakerRow::forcedBadgeProperty),
                text("Failures", BreakerRow::failuresTextProperty),
                text("Calls", BreakerRow::callsTextProperty),
                text("Rejections", BreakerRow::rejectionsTextProperty),
                text("In state", BreakerRow::timeInStateProperty)));
        FittedColumns.fit(this);
        // a column that reads the same in every row says nothing the fleet overview does not
        getItems().addListener((ListChangeListener<BreakerRow>) c -> {
            jvm.setVisible(differ(BreakerRow::jvm));
            application.setVisible(differ(BreakerRow::application));
        });
    }

    /** Whether the rows shown do not all have the same {@code value}. */
    private boolean differ(Function<BreakerRow, String> value) {
        return getItems().stream().map(value).distinct().limit(2).count() > 1;
    }

    private static TableColumn<BreakerRow, String> beanColumn() {
        TableColumn<BreakerRow, String> bean = text("Bean", r -> constant(r.bean()));
        bean.setCellFactory(c -> new FittedCell<>() {
            @Override
            protected void decorate(String value) {
                int index = getIndex();
                boolean shown = value != null && index >= 0 && index < getTableView().getItems().size();
                setTooltip(shown ? new Tooltip(getTableView().getItems().get(index).beanClass()) : null);
            }
        });
        return bean;
    }

    private static TableColumn<BreakerRow, String> stateColumn() {
        TableColumn<BreakerRow, String> state = text("State", BreakerRow::stateTextProperty);
        state.getProperties().put(FittedColumns.BOLD_CELLS, true);
        state.setCellFactory(c -> new FittedCell<>() {
            @Override
            protected void decorate(String value) {
                getStyleClass().removeAll("state-open", "state-half-open", "state-closed", "state-stale");
                if (value != null) {
                    getStyleClass().add(value.endsWith("(last known)") ? "state-stale"
                            : value.startsWith("OPEN") ? "state-open"
                            : value.startsWith("HALF_OPEN") ? "state-half-open" : "state-closed");
                }
            }
        });
        return state;
    }
}
