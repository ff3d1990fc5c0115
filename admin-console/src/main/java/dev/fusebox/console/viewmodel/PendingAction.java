package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.operator.Action;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An action waiting for the operator's confirmation: what it will do to what, the reason (required
 * to force) and an optional expiry. Nothing is sent before {@link ActionsViewModel#confirm}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); the action, its targets (a copy) and group are immutable.
 */
public final class PendingAction {

    private final Action action;
    private final List<MethodKey> targets;
    private final String group;
    /** The header of a fleet-wide action (made by the fleet screen), else null. */
    private final String fleetDescription;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty expiry = new SimpleStringProperty(this, "expiry", "");
    private final StringBinding problem;
    private final BooleanBinding ready;

    PendingAction(Action action, List<MethodKey> targets, String group) {
        this(action, targets, group, null);
    }

    /** A fleet-wide action through the ensemble (no JMX targets): {@code description} heads the dialog. */
    static PendingAction fleetWide(Action action, String description) {
        return new PendingAction(action, List.of(), null, description);
    }

    private PendingAction(Action action, List<MethodKey> targets, String group, String fleetDescription) {
        this.action = action;
        this.targets = List.copyOf(targets);
        this.group = group;
        this.fleetDescription = fleetDescription;
        this.problem = Bindings.createStringBinding(this::findProblem, reason, expiry);
        this.ready = problem.isEmpty();
    }

    private String findProblem() {
        if (!action.takesReason()) {
            return "";
        }
        if (reason.get() == null || reason.get().isBlank()) {
            return "a reason is required: it is audited and shown to everyone who sees the breaker";
        }
        try {
            Formats.expiry(expiry.get());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public Action action() {
        return action;
    }

    /** The breakers, for an action on a selection (empty for a group action and a fleet-wide one). */
    public List<MethodKey> targets() {
        return targets;
    }

    /** The group's name, for a group action (null otherwise). */
    public String group() {
        return group;
    }

    /** A sentence for the dialog's header, e.g. "Force open 2 breakers: Payments#charge, ...". */
    public String description() {
        if (fleetDescription != null) {
            return fleetDescription;
        }
        if (group != null) {
            return action.label() + " group \"" + group + "\" in every connected JVM";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < targets.size() && i < 5; i++) {
            names.append(i == 0 ? "" : ", ").append(targets.get(i).simpleBean()).append('#')
                    .append(targets.get(i).method()).append(" @ ").append(targets.get(i).jvm());
        }
        if (targets.size() > 5) {
            names.append(", and ").append(targets.size() - 5).append(" more");
        }
        return action.label() + " " + targets.size() + (targets.size() == 1 ? " breaker: " : " breakers: ") + names;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Empty (until released), {@code 30m}, {@code PT30M} or an instant. */
    public StringProperty expiryProperty() {
        return expiry;
    }

    /** Why it cannot be confirmed yet, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
