package dev.fusebox.samples.chaos.model;

import dev.fusebox.samples.chaos.model.ExperimentParser.Entry;
import java.util.Locale;
import java.util.regex.Pattern;

/** The two repeated line forms of an experiment file: fault steps and abort rules. Stateless. */
final class ScheduleLine {

    private static final Pattern DEPENDENCY = Pattern.compile("[a-z][a-z0-9-]*");

    private ScheduleLine() {
    }

    static FaultStep fault(Entry entry) {
        ValueReader reader = entry.reader();
        String[] t = entry.value().split("\\s+");
        String shape = "expected 'at <time> for <time> <dependency> <kind> [value]', e.g. "
                + "'at 20s for 20s payments errors 50%' or 'at 20s for 15s inventory latency 450ms'";
        if (t.length < 6 || t.length > 7 || !t[0].equals("at") || !t[2].equals("for")) {
            throw reader.error(shape + "; was '" + entry.value() + "'");
        }
        int at = reader.seconds(t[1], 0, ExperimentParser.MAX_SECONDS);
        int duration = reader.seconds(t[3], 1, ExperimentParser.MAX_SECONDS);
        String dependency = reader.text(t[4], DEPENDENCY, 32, "a dependency's name, e.g. payments");
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(t[5].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw reader.error("'" + t[5] + "' is not a fault kind; use latency, errors, outage or exhaustion");
        }
        if (kind.takesValue() != (t.length == 7)) {
            throw reader.error(kind.takesValue() ? kind.word() + " needs a value, e.g. "
                    + (kind == FaultKind.LATENCY ? "latency 450ms" : "errors 50%")
                    : kind.word() + " takes no value; was '" + t[t.length - 1] + "'");
        }
        double value = switch (kind) {
            case LATENCY -> reader.millis(t[6], 1, 60_000);
            case ERRORS -> reader.share(t[6]);
            case OUTAGE, EXHAUSTION -> 0;
        };
        if (kind == FaultKind.ERRORS && value == 0) {
            throw reader.error("errors 0% injects nothing; give a share above 0%");
        }
        return new FaultStep(entry.line(), at, duration, dependency, kind, value);
    }

    static AbortRule abort(Entry entry) {
        ValueReader reader = entry.reader();
        String[] t = entry.value().split("\\s+");
        if (t.length != 5 || !t[1].equals(">") || !t[3].equals("for")) {
            throw reader.error("expected '<errors|p99|degraded> > <limit> for <time>', e.g. 'errors > 50% for 5s';"
                    + " was '" + entry.value() + "'");
        }
        AbortRule.Metric metric;
        try {
            metric = AbortRule.Metric.valueOf(t[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw reader.error("'" + t[0] + "' cannot be watched; use errors, p99 or degraded");
        }
        double limit = metric == AbortRule.Metric.P99 ? reader.millis(t[2], 1, 600_000) : reader.share(t[2]);
        return new AbortRule(entry.line(), metric, limit, reader.seconds(t[4], 1, 60));
    }
}
