package dev.fusebox.console.operator;

import dev.fusebox.console.feed.MethodKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Operator actions across the fleet. Every method returns at once; the work runs on the JVMs'
 * connection workers and the future completes there, never on the caller's thread.
 *
 * <p>Thread-safety: implementations are thread-safe; the console calls them from the FX thread.
 */
public interface FleetOperations {

    /**
     * Applies {@code action} to each breaker in {@code targets} (they may live in different JVMs).
     *
     * @param reason required for force actions, ignored otherwise
     * @param expiry empty, an ISO-8601 duration or instant (force actions only)
     */
    CompletableFuture<List<ActionOutcome>> act(Action action, List<MethodKey> targets, String reason, String expiry);

    /**
     * Applies {@code action} to the group named {@code group} in every connected JVM, through each
     * registry that defines it ({@code FaultToleranceMXBean.forceOpenAll("group:<name>", ...)}).
     */
    CompletableFuture<List<ActionOutcome>> actOnGroup(Action action, String group, String reason, String expiry);

    /**
     * Switches shadow mode on ({@code shadow} true: the policy counts what it would reject and rejects
     * nothing) or off (it enforces) for each of {@code targets}, through each MXBean's
     * {@code configure("shadow", ...)}; the server keeps it in its overrides file and audits it.
     *
     * @param reason required: the server refuses a change without one
     */
    CompletableFuture<List<ActionOutcome>> switchShadow(List<ShadowTarget> targets, boolean shadow, String reason);
}
