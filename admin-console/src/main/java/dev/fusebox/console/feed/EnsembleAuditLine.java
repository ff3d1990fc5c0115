package dev.fusebox.console.feed;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import java.util.List;

/**
 * One fleet action from the ensemble's audit, with the instances' answers to it.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param application the application it was for
 * @param entry       the audit entry's node name ({@code entry-0000000012}: the order)
 * @param audit       who did what to which target, why and when
 * @param acks        one answer per instance that handled it
 */
public record EnsembleAuditLine(String application, String entry, FleetAuditEntry audit, List<FleetAck> acks) {

    public EnsembleAuditLine {
        acks = List.copyOf(acks);
    }
}
