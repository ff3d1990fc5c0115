package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.RetryBudgetReading;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The retry budget of one guarded method in the "Limits & shadow" screen: its group (methods of one
 * group show the group's shared numbers), its settings in words, the retries it would allow now, and
 * the retries it granted and refused since start. Updated in place from each snapshot.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its key is immutable.
 */
public final class BudgetRow {

    private final MethodKey key;
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "");
    private final StringProperty balance = new SimpleStringProperty(this, "balance", "");
    private final StringProperty granted = new SimpleStringProperty(this, "granted", "");
    private final StringProperty refused = new SimpleStringProperty(this, "refused", "");

    BudgetRow(MethodKey key) {
        this.key = key;
    }

    void apply(RetryBudgetReading r, boolean connected) {
        group.set(r.group().isEmpty() ? "(own)" : r.group());
        budget.set(Formats.percent(r.ratio()) + " of first attempts over " + Formats.millis(r.ttlMillis())
                + ", at least " + r.minRetriesPerSecond() + "/s");
        balance.set(connected ? Long.toString(r.balance()) : Formats.NOT_LIVE);
        granted.set(Long.toString(r.granted()));
        refused.set(Long.toString(r.refused()));
    }

    public MethodKey key() {
        return key;
    }

    /** The group whose budget the method shares, or {@code (own)}. */
    public ReadOnlyStringProperty groupProperty() {
        return group;
    }

    /** {@code 20 % of first attempts over 10 s, at least 10/s}. */
    public ReadOnlyStringProperty budgetProperty() {
        return budget;
    }

    /** Retries the budget would allow now ({@link Formats#NOT_LIVE} while the JVM is not connected). */
    public ReadOnlyStringProperty balanceProperty() {
        return balance;
    }

    public ReadOnlyStringProperty grantedProperty() {
        return granted;
    }

    public ReadOnlyStringProperty refusedProperty() {
        return refused;
    }
}
