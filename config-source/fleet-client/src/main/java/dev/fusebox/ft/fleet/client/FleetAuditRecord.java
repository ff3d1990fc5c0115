package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import java.util.List;

/**
 * One audit entry of a fleet action with the acknowledgements the instances wrote for it.
 * Thread-safety: immutable.
 *
 * @param entry the entry's node name, e.g. {@code entry-0000000042} (ZooKeeper's sequence orders them)
 * @param audit what was done, by whom, why
 * @param acks  the instances' answers, by instance id
 */
public record FleetAuditRecord(String entry, FleetAuditEntry audit, List<FleetAck> acks) {

    public FleetAuditRecord {
        acks = List.copyOf(acks);
    }
}
