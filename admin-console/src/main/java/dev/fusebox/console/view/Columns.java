package dev.fusebox.console.view;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/**
 * Text columns for the console's tables: a title and the row's value, in a {@link FittedCell} (the
 * column's width follows its text, see {@link FittedColumns}).
 *
 * <p>Thread-safety: stateless; the columns it makes are scene-graph nodes, for the FX thread.
 */
final class Columns {

    private Columns() {
    }

    static <R> TableColumn<R, String> text(String title, Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setCellFactory(column -> new FittedCell<>());
        return c;
    }

    /** A column of fixed preferred width (cells as the table makes them, not fitted). */
    static <R> TableColumn<R, String> text(String title, double width, Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return c;
    }

    /** A value that never changes (a row's JVM, bean, method ...). */
    static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text).getReadOnlyProperty();
    }
}
