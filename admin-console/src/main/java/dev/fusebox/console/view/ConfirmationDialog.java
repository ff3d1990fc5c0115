package dev.fusebox.console.view;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * What every confirmation step of the console shares ({@link ActionDialog}, {@link ShadowDialog}):
 * a non-blocking dialog titled with what will be done, its form, the view-model's problem under the
 * form, a "Confirm" button enabled only while the view-model is ready, and the send on "Confirm"
 * alone (closing or Cancel sends nothing).
 *
 * <p>Thread-safety: FX thread only (it builds and shows scene-graph nodes); stateless itself.
 */
final class ConfirmationDialog {

    private ConfirmationDialog() {
    }

    /**
     * Shows the dialog without blocking.
     *
     * @param form       the fields, filled by the caller; the problem line is added in {@code problemRow}
     * @param idPrefix   the prefix of the problem label's and the button's ids ("" for the actions:
     *                   {@code actionProblem}/{@code confirmButton}; "shadow": {@code shadowProblem},
     *                   {@code shadowConfirmButton})
     * @param onConfirm  what "Confirm" does
     */
    static Dialog<ButtonType> show(Window owner, String label, String description, GridPane form, int problemRow,
                                   StringBinding problem, BooleanBinding ready, String idPrefix, Runnable onConfirm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(label);
        dialog.setHeaderText(description);
        ButtonType confirm = new ButtonType("Confirm: " + label, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);

        Label problemLine = new Label();
        problemLine.setId(idPrefix.isEmpty() ? "actionProblem" : idPrefix + "Problem");
        problemLine.getStyleClass().add("problem");
        problemLine.textProperty().bind(problem);
        form.add(problemLine, 0, problemRow, 2, 1);
        dialog.getDialogPane().setContent(form);

        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId(idPrefix.isEmpty() ? "confirmButton" : idPrefix + "ConfirmButton");
        ok.disableProperty().bind(ready.not());
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == confirm) {
                onConfirm.run();
            }
        });
        dialog.show();
        return dialog;
    }

    /** An empty form with the console's spacing. */
    static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        return form;
    }
}
