package dev.fusebox.console.view;

import dev.fusebox.console.operator.Action;
import dev.fusebox.console.viewmodel.ActionsViewModel;
import dev.fusebox.console.viewmodel.PendingAction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The operator's action buttons under the breaker table: one row for the selection, one for a
 * group in every JVM (with its chooser), each with the reason why it is disabled. A button opens the
 * {@link ActionDialog}; nothing is sent before the operator confirms there.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class ActionButtons extends VBox {

    private final ActionsViewModel actions;

    ActionButtons(ActionsViewModel actions) {
        super(6);
        this.actions = actions;
        getChildren().addAll(selectionActions(), groupActions());
    }

    private VBox selectionActions() {
        HBox buttons = new HBox(6);
        addButtons(buttons, "", actions.selectionActionsAllowedProperty(), actions::prepare);
        return new VBox(4, buttons, reasonLabel("actionsDisabledReason", actions.selectionDisabledReasonProperty()));
    }

    private VBox groupActions() {
        ComboBox<String> groups = new ComboBox<>(actions.groups());
        groups.setId("groupChoice");
        groups.setPromptText("group");
        groups.valueProperty().bindBidirectional(actions.selectedGroupProperty());
        HBox line = new HBox(6, new Label("Group in every JVM:"), groups);
        addButtons(line, "group", actions.groupActionsAllowedProperty(), actions::prepareForGroup);
        return new VBox(4, line, reasonLabel("groupDisabledReason", actions.groupDisabledReasonProperty()));
    }

    /** One button per action; each opens the confirmation dialog for what {@code prepare} returns. */
    private void addButtons(HBox into, String idPrefix, ObservableBooleanValue allowed,
                            Function<Action, PendingAction> prepare) {
        for (Action action : Action.values()) {
            Button b = new Button(action.label());
            b.setId(buttonId(action, idPrefix));
            b.disableProperty().bind(Bindings.not(allowed));
            b.setOnAction(e -> {
                PendingAction pending = prepare.apply(action);
                if (pending != null) {
                    ActionDialog.show(b.getScene().getWindow(), pending, actions::confirm);
                }
            });
            into.getChildren().add(b);
        }
    }

    private static Label reasonLabel(String id, ObservableValue<String> reason) {
        Label why = new Label();
        why.setId(id);
        why.getStyleClass().add("problem");
        why.setWrapText(true);
        why.textProperty().bind(reason);
        return why;
    }

    /** {@code forceOpenButton}, {@code groupForceOpenButton}, ... */
    static String buttonId(Action action, String prefix) {
        String op = action.operation();
        String name = prefix.isEmpty() ? op : prefix + Character.toUpperCase(op.charAt(0)) + op.substring(1);
        return name + "Button";
    }
}
