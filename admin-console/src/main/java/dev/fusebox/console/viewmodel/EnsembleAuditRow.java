package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.EnsembleAuditLine;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import java.util.List;

/**
 * One fleet action from the ensemble's audit, as the fleet screen's audit table shows it: when, who,
 * what, on which target, why, until when, and how many instances applied it (with the first refusal).
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 */
public record EnsembleAuditRow(String application, String entry, String time, String by, String action,
                               String target, String reason, String until, String applied, long atEpochMillis) {

    static EnsembleAuditRow of(EnsembleAuditLine line) {
        FleetAuditEntry a = line.audit();
        return new EnsembleAuditRow(line.application(), line.entry(), Formats.dateTime(a.atEpochMillis()), a.by(),
                a.action(), a.target(), a.reason(),
                a.untilEpochMillis() == 0 ? "" : Formats.dateTime(a.untilEpochMillis()), applied(line.acks()),
                a.atEpochMillis());
    }

    /** {@code 3 applied}, {@code 2 applied, 1 not: <instance>: <why>}, or {@code no answer yet}. */
    static String applied(List<FleetAck> acks) {
        if (acks.isEmpty()) {
            return "no answer yet";
        }
        long yes = acks.stream().filter(FleetAck::applied).count();
        FleetAck refused = acks.stream().filter(a -> !a.applied()).findFirst().orElse(null);
        return yes + " applied" + (refused == null ? ""
                : ", " + (acks.size() - yes) + " not: " + refused.instanceId() + ": " + refused.detail());
    }
}
