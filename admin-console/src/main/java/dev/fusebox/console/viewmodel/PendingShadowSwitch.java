package dev.fusebox.console.viewmodel;

import dev.fusebox.console.operator.ShadowTarget;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A shadow switch waiting for the operator's confirmation: which policies, on or off, and the reason
 * (required: the server audits it and keeps the change in its overrides file). Nothing is sent
 * before {@link LimitsViewModel#confirm}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its targets (a copy) and direction are immutable.
 */
public final class PendingShadowSwitch {

    private final List<ShadowTarget> targets;
    private final boolean shadow;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringBinding problem;
    private final BooleanBinding ready;

    PendingShadowSwitch(List<ShadowTarget> targets, boolean shadow) {
        this.targets = List.copyOf(targets);
        this.shadow = shadow;
        this.problem = Bindings.createStringBinding(() -> reason.get() == null || reason.get().isBlank()
                ? "a reason is required: it is audited and kept with the change" : "", reason);
        this.ready = problem.isEmpty();
    }

    public List<ShadowTarget> targets() {
        return targets;
    }

    /** True to switch shadow mode on (count, reject nothing), false to enforce. */
    public boolean shadow() {
        return shadow;
    }

    /** {@code Shadow on} or {@code Shadow off}, as on the button. */
    public String label() {
        return shadow ? "Shadow on" : "Shadow off";
    }

    /** A sentence for the dialog's header, e.g. "Shadow off for 1 policy: Storefront#browse (Rate limit) @ shop-1". */
    public String description() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < targets.size() && i < 5; i++) {
            ShadowTarget t = targets.get(i);
            names.append(i == 0 ? "" : ", ").append(t.key().simpleBean()).append('#').append(t.key().method())
                    .append(" (").append(t.policy().label()).append(") @ ").append(t.key().jvm());
        }
        if (targets.size() > 5) {
            names.append(", and ").append(targets.size() - 5).append(" more");
        }
        return label() + " for " + targets.size() + (targets.size() == 1 ? " policy: " : " policies: ") + names
                + (shadow ? ". They will count what they would reject and reject nothing."
                : ". They will reject again.");
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why it cannot be confirmed yet, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }
}
