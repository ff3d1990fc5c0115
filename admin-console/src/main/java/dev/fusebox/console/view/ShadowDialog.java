package dev.fusebox.console.view;

import dev.fusebox.console.viewmodel.PendingShadowSwitch;
import java.util.function.Consumer;
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
        GridPane form = ConfirmationDialog.form();
        TextField reason = new TextField();
        reason.setId("shadowReasonField");
        reason.setPromptText("why (audited, kept with the change): e.g. roll-out of the new limit, INC-4711");
        reason.setPrefColumnCount(40);
        reason.textProperty().bindBidirectional(pending.reasonProperty());
        form.addRow(0, new Label("Reason"), reason);
        return ConfirmationDialog.show(owner, pending.label(), pending.description(), form, 1,
                pending.problemProperty(), pending.readyProperty(), "shadow", () -> send.accept(pending));
    }
}
