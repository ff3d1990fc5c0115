package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetAck;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How far one fleet action has been applied: the instances' acknowledgements against the instances
 * registered when it was counted. An action is applied everywhere when every registered instance
 * acknowledged it and none refused it; otherwise {@link #summary} names who is missing and who
 * refused and why, so a half-applied action is never reported as done.
 * Thread-safety: immutable.
 *
 * @param actionId the action
 * @param members  how many instances of the application were registered
 * @param acks     the acknowledgements of the registered instances, by instance id (an instance gone
 *                 since it answered is no longer counted; {@link FleetOperator#audit} keeps its answer)
 * @param missing  the registered instances that have not acknowledged it, sorted
 */
public record FleetApplied(String actionId, int members, List<FleetAck> acks, List<String> missing) {

    public FleetApplied {
        acks = List.copyOf(acks);
        missing = List.copyOf(missing);
    }

    /** Every registered instance acknowledged it and none refused it. */
    public boolean everywhere() {
        return missing.isEmpty() && acks.stream().allMatch(FleetAck::applied);
    }

    /** For an operator: {@code applied by 3 of 3 instances}, or who is missing, and who refused and why. */
    public String summary() {
        if (members == 0 && acks.isEmpty()) {
            return "no instance is registered; none has applied it yet";
        }
        long applied = acks.stream().filter(FleetAck::applied).count();
        StringBuilder text = new StringBuilder("applied by ").append(applied).append(" of ").append(members)
                .append(members == 1 ? " instance" : " instances");
        if (!missing.isEmpty()) {
            text.append("; missing: ").append(String.join(", ", missing));
        }
        String refusals = acks.stream().filter(ack -> !ack.applied())
                .map(ack -> "refused by " + ack.instanceId() + ": " + ack.detail())
                .collect(Collectors.joining("; "));
        if (!refusals.isEmpty()) {
            text.append("; ").append(refusals);
        }
        return text.toString();
    }
}
