package dev.fusebox.console.view;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their text, so that nothing is cut to {@code PaymentsCli...}: a column is as
 * wide as its header or its widest value over all rows, whichever is wider, and no wider. Every column
 * is fitted again whenever rows come or go, and before the next layout after a cell
 * ({@link FittedCell}) came to show another text. Text is measured in the console's font (bold for
 * headers and for columns marked {@link #BOLD_CELLS}), plus the cell's padding.
 *
 * <p>Why fitting after a cell's change waits for the next pulse: cells get their text while the table
 * lays itself out, and a column width changed then is not laid out again; so a cell only marks the
 * table, and a pre-layout pulse listener fits it. Fitting changes widths only, never a cell's text, so
 * it marks nothing again: a pulse is requested only when a cell's text really changed.
 *
 * <p>Thread-safety: FX thread only (its measuring {@link Text} and its pending widths are not
 * thread-safe).
 */
final class FittedColumns {

    /** The console's font size (console.css, {@code .root}). */
    private static final Font FONT = Font.font(Font.getDefault().getFamily(), 12);
    /** Headers, and cells coloured by state, are bold. */
    private static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
    /** A cell's padding (2 px each side) and border, with a little room to spare. */
    private static final double CELL_PADDING = 12;
    /** A header's padding, with room for the sort arrow. */
    private static final double HEADER_PADDING = 24;
    /** The key, in a column's properties, that marks a column whose cells may be bold. */
    static final String BOLD_CELLS = "fusebox.boldCells";
    private static final Text PROBE = new Text();

    private final TableView<?> table;
    private final Runnable fitIfChanged = this::fitIfChanged;
    private boolean changed;

    private FittedColumns(TableView<?> table) {
        this.table = table;
    }

    /** Fits {@code table}'s columns now and from now on; columns are not squeezed to the table's width. */
    static <R> void fit(TableView<R> table) {
        FittedColumns fitted = new FittedColumns(table);
        table.getProperties().put(FittedColumns.class, fitted);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getItems().addListener((ListChangeListener<R>) c -> refit(table));
        table.sceneProperty().addListener((o, was, now) -> fitted.follow(was, now));
        fitted.follow(null, table.getScene());
        refit(table);
    }

    private static <R> void refit(TableView<R> table) {
        for (TableColumn<R, ?> column : table.getColumns()) {
            double width = width(column.getText(), BOLD) + HEADER_PADDING;
            for (R row : table.getItems()) {
                Object value = column.getCellData(row);
                width = Math.max(width, value == null ? 0 : width(value.toString(), fontOf(column)) + CELL_PADDING);
            }
            column.setPrefWidth(Math.ceil(width));
        }
    }

    /** Notes that a cell of {@code table} now shows another text: its columns are fitted before the next layout. */
    static void cellChanged(TableView<?> table) {
        if (table != null && table.getProperties().get(FittedColumns.class) instanceof FittedColumns fitted
                && !fitted.changed) {
            fitted.changed = true;
            Platform.requestNextPulse();
        }
    }

    private void follow(Scene was, Scene now) {
        if (was != null) {
            was.removePreLayoutPulseListener(fitIfChanged);
        }
        if (now != null) {
            now.addPreLayoutPulseListener(fitIfChanged);
        }
    }

    private void fitIfChanged() {
        if (changed) {
            changed = false;
            refit(table);
        }
    }

    private static Font fontOf(TableColumn<?, ?> column) {
        return column.getProperties().containsKey(BOLD_CELLS) ? BOLD : FONT;
    }

    private static double width(String text, Font font) {
        PROBE.setFont(font);
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }
}
