package dev.fusebox.console.view;

import dev.fusebox.console.viewmodel.PendingShadowSwitch;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The confirmation step of a shadow switch: says which policies go into or out of shadow mode, asks
 * for the reason (required), and sends the switch only on "Confirm".
 *
 * <p>Thread-safety: FX thread only (it builds and shows scene-graph nodes); stateless itself.
 */
final class ShadowDialog {

    private ShadowDialog() {
    }

    /** Shows the dialog without blocking; {@code send} gets the switch when the operator confirms. */
    static Dialog<ButtonType> show(Window owner, PendingShadowSwitch pending, Consumer<PendingShadowSwitch> send) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(pending.label());
        dialog.setHeaderText(pending.description());
        ButtonType confirm = new ButtonType("Confirm: " + pending.label(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        TextField reason = new TextField();
        reason.setId("shadowReasonField");
        reason.setPromptText("why (audited, kept with the change): e.g. roll-out of the new limit, INC-4711");
        reason.setPrefColumnCount(40);
        reason.textProperty().bindBidirectional(pending.reasonProperty());
        form.addRow(0, new Label("Reason"), reason);
        Label problem = new Label();
        problem.setId("shadowProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(pending.problemProperty());
        form.add(problem, 0, 1, 2, 1);
        dialog.getDialogPane().setContent(form);

        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId("shadowConfirmButton");
        ok.disableProperty().bind(pending.readyProperty().not());
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == confirm) {
                send.accept(pending);
            }
        });
        dialog.show();
        return dialog;
    }
}
