package dev.fusebox.console.view;

import javafx.scene.control.TableCell;

/**
 * A text cell whose column grows to fit it ({@link FittedColumns}); subclasses add colours or a tooltip
 * in {@link #decorate}.
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
        setText(text);
        FittedColumns.widen(this, text);
        decorate(empty || value == null ? null : value);
    }

    /** Styles the cell for {@code value} (null for an empty cell); nothing by default. */
    protected void decorate(String value) {
    }
}
