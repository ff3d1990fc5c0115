package dev.fusebox.console.view;

import dev.fusebox.console.operator.Action;
import dev.fusebox.console.viewmodel.PendingAction;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * The confirmation step of an action: says what will happen to which breakers, asks for the reason
 * (required to force) and an optional expiry, and sends the action only on "Confirm".
 *
 * <p>Thread-safety: FX thread only (it builds and shows scene-graph nodes); stateless itself.
 */
final class ActionDialog {

    private ActionDialog() {
    }

    /**
     * Shows the dialog without blocking; {@code send} gets the action when the operator confirms
     * (the JMX actions' or the fleet-wide actions' view-model).
     */
    static Dialog<ButtonType> show(Window owner, PendingAction pending, Consumer<PendingAction> send) {
        GridPane form = ConfirmationDialog.form();
        if (pending.action().takesReason()) {
            TextField reason = new TextField();
            reason.setId("reasonField");
            reason.setPromptText("why (audited, shown to everyone): e.g. payments DB failover, INC-4711");
            reason.setPrefColumnCount(40);
            reason.textProperty().bindBidirectional(pending.reasonProperty());
            TextField expiry = new TextField();
            expiry.setId("expiryField");
            expiry.setPromptText("empty = until released; 30m, 2h, PT45M or 2026-11-24T03:00:00Z");
            expiry.textProperty().bindBidirectional(pending.expiryProperty());
            form.addRow(0, new Label("Reason"), reason);
            form.addRow(1, new Label("Expires"), expiry);
        } else {
            form.addRow(0, new Label(pending.action() == Action.RELEASE
                    ? "Back to automatic: a forced-open breaker goes half-open and tries trial calls."
                    : "Closed with an empty window; any forcing is dropped."));
        }
        return ConfirmationDialog.show(owner, pending.action().label(), pending.description(), form, 2,
                pending.problemProperty(), pending.readyProperty(), "", () -> send.accept(pending));
    }
}
