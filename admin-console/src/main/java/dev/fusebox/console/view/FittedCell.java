package dev.fusebox.console.view;

import java.util.Objects;
import javafx.scene.control.TableCell;

/**
 * A text cell whose table fits its columns again when the cell comes to show another text
 * ({@link FittedColumns}); subclasses add colours or a tooltip in {@link #decorate}.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 *
 * @param <R> the table's row type
 */
class FittedCell<R> extends TableCell<R, String> {

    @Override
    protected final void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        String text = empty ? null : value;
        if (!Objects.equals(text, getText())) {
            setText(text);
            FittedColumns.cellChanged(getTableView());
        }
        decorate(text);
    }

    /** Styles the cell for {@code value} (null for an empty cell); nothing by default. */
    protected void decorate(String value) {
    }
}
