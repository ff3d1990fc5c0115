package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.core.circuitbreaker.Transition;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way operator actions reach the engines, whoever asks (an MXBean, a group operation, the
 * Java API): checks the input, acts on the breaker, marks the breaker for the
 * {@link ForcedStateWriter}, and audits the outcome, refusals included. A refused action throws
 * {@link IllegalArgumentException} with the reason after it has been audited.
 *
 * <p>Implementation notes. Each action is one atomic engine operation (a CAS of the breaker's
 * phase); what it did is then audited and the breaker marked as changed. Nothing here writes the
 * store: the writer writes each marked breaker's forcing as it is when it writes, so two actions
 * racing on one breaker (or an action racing a forcing running out) can audit in either order but
 * the store always ends with the forcing in memory. A forcing running out is reported by
 * {@link TransitionReporter} on whatever thread noticed it, a business call included: {@link #expired}
 * audits it and marks the breaker, and does no file I/O. Thread-safe.
 */
final class OperatorActions {

    private static final System.Logger LOG = System.getLogger(OperatorActions.class.getName());
    /** The principal of what nobody did (a forcing running out). */
    static final String SYSTEM = "system";
    /** The longest target and detail an audit entry keeps (longer ones are cut, with a marker). */
    static final int MAX_AUDITED_TARGET = 300;
    static final int MAX_AUDITED_DETAIL = 1_000;

    private final Map<String, Guarded> breakers = new LinkedHashMap<>();
    private final BreakerSelection selection;
    private final AuditLog audit;
    private final ForcedStateWriter forcings;
    private final ConfigurationChanges changes;

    OperatorActions(List<Guarded> guarded, Map<String, String> groupDefinitions, AuditLog audit,
                    ForcedStateWriter forcings, ConfigurationChanges changes) {
        guarded.stream().filter(Guarded::hasBreaker).forEach(g -> breakers.put(g.name(), g));
        this.selection = new BreakerSelection(List.copyOf(breakers.keySet()), groupDefinitions);
        this.audit = audit;
        this.forcings = forcings;
        this.changes = changes;
    }

    List<String> breakerNames() {
        return List.copyOf(breakers.keySet());
    }

    BreakerSelection selection() {
        return selection;
    }

    AuditLog audit() {
        return audit;
    }

    String overridesStatus() {
        return changes.status();
    }

    /** The breaker named {@code name}; unknown names are an IllegalArgumentException (not audited). */
    Guarded breaker(String name) {
        Guarded found = name == null ? null : breakers.get(name);
        if (found == null) {
            throw new IllegalArgumentException("no circuit breaker named '" + name + "'; breakers are named"
                    + " <bean class>#<method>, e.g. " + breakers.keySet().stream().findFirst().orElse("(none here)"));
        }
        return found;
    }

    /**
     * Forces {@code target} into {@code state}; {@code expiry} is evaluated here so a bad one is
     * audited as a refusal.
     */
    ActionResult force(String target, CircuitState state, String reason, Supplier<Expiry> expiry, String principal) {
        String action = forceAction(state);
        Guarded guarded = known(target, action, reason, principal);
        CircuitBreaker breaker = guarded.method().breaker();
        String before = breaker.state().name();
        try {
            OperatorInput.name(principal);
            String why = OperatorInput.reason(reason, action, target);
            long until = expiry.get().deadline(guarded.clock());
            Transition made = breaker.force(state, principal, why, until);
            String detail = made.cause() + "; " + untilText(guarded, until);
            record(principal, action, target, why, made.from().name(), made.to().name(), true, detail);
            forcings.changed(guarded.name());
            return new ActionResult(target, action, true, made.from().name(), made.to().name(), detail);
        } catch (IllegalArgumentException refused) {
            record(principal, action, target, reason, before, before, false, refused.getMessage());
            throw refused;
        }
    }

    /** Forces every breaker {@code selector} names, each on its own; a refusal of one is its result. */
    List<ActionResult> forceAll(String selector, CircuitState state, String reason, Supplier<Expiry> expiry,
                                String principal) {
        String action = forceAction(state) + "All";
        Expiry parsed;
        List<String> targets;
        try {
            OperatorInput.name(principal);
            OperatorInput.reason(reason, action, selector);
            parsed = expiry.get();
            targets = selection.select(selector);
        } catch (IllegalArgumentException refused) {
            record(principal, action, selector, reason, null, null, false, refused.getMessage());
            throw refused;
        }
        return each(targets, target -> force(target, state, reason, () -> parsed, principal), forceAction(state));
    }

    /** Hands {@code target} back to its state machine; not succeeded when it was not forced. */
    ActionResult release(String target, String principal) {
        Guarded guarded = known(target, "release", "", principal);
        CircuitBreaker breaker = guarded.method().breaker();
        checked(() -> OperatorInput.name(principal), principal, "release", target, "");
        Transition made = breaker.release(principal);
        if (made == null) {
            String state = breaker.state().name();
            String detail = target + " is not forced; nothing to release";
            record(principal, "release", target, "", state, state, false, detail);
            return new ActionResult(target, "release", false, state, state, detail);
        }
        record(principal, "release", target, "", made.from().name(), made.to().name(), true, made.cause());
        forcings.changed(guarded.name());
        return new ActionResult(target, "release", true, made.from().name(), made.to().name(), made.cause());
    }

    List<ActionResult> releaseAll(String selector, String principal) {
        return each(selectOrRefuse(selector, "releaseAll", principal), target -> release(target, principal), "release");
    }

    /** Closes {@code target} with an empty window and drops any forcing. */
    ActionResult reset(String target, String reason, String principal) {
        Guarded guarded = known(target, "reset", reason, principal);
        String why = checked(() -> {
            OperatorInput.name(principal);
            return OperatorInput.optionalReason(reason);
        }, principal, "reset", target, reason);
        Transition made = guarded.method().breaker().reset(principal, why);
        record(principal, "reset", target, why, made.from().name(), made.to().name(), true, made.cause());
        forcings.changed(guarded.name());
        return new ActionResult(target, "reset", true, made.from().name(), made.to().name(), made.cause());
    }

    List<ActionResult> resetAll(String selector, String principal) {
        return each(selectOrRefuse(selector, "resetAll", principal), target -> reset(target, "", principal), "reset");
    }

    /** One parameter of one policy, handed to {@link ConfigurationChanges}; the result is audited. */
    ActionResult configure(Guarded guarded, String annotation, String parameter, String value, String reason,
                           String principal) {
        String target = guarded.name();
        // a value longer than any valid one is cut here and refused below
        String what = annotation + "/" + OperatorInput.excerpt(parameter, OperatorInput.QUOTED) + "="
                + OperatorInput.excerpt(value, OperatorInput.MAX_VALUE);
        ActionResult result;
        String refusal = null;
        try {
            OperatorInput.name(principal);
            OperatorInput.reason(reason, "configure " + what + " of", target);
            OperatorInput.value(value, annotation + "/" + OperatorInput.excerpt(parameter, OperatorInput.QUOTED));
        } catch (IllegalArgumentException refused) {
            refusal = refused.getMessage();
        }
        if (refusal != null) {
            result = new ActionResult(target, "configure", false, null, null, refusal);
        } else {
            try {
                ActionResult given = changes.configure(guarded.method(), annotation, parameter, value.trim(),
                        reason.trim(), principal);
                result = new ActionResult(target, "configure", given.succeeded(), given.previousState(),
                        given.newState(), given.message());
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "configuration change " + what + " of " + target + " failed", failed);
                result = new ActionResult(target, "configure", false, null, null, "failed: " + failed);
            }
        }
        record(principal, "configure", target, reason, result.previousState(), result.newState(), result.succeeded(),
                what + ": " + result.message());
        return result;
    }

    /**
     * A forcing of {@code guarded} ran out (seen by its breaker's listener, on the thread that
     * noticed it, perhaps a business call): audited and marked; the writer thread writes it.
     */
    void expired(Guarded guarded, Transition transition) {
        record(SYSTEM, "expire", guarded.name(), "", transition.from().name(), transition.to().name(), true,
                transition.cause());
        forcings.changed(guarded.name());
    }

    /** Puts back what the store kept, before any call (see {@link ForcingRestore}). */
    void restore() {
        ForcingRestore.restore(breakers, forcings, this);
    }

    private List<ActionResult> each(List<String> targets, java.util.function.Function<String, ActionResult> act,
                                    String action) {
        List<ActionResult> results = new ArrayList<>(targets.size());
        for (String target : targets) {
            try {
                results.add(act.apply(target));
            } catch (IllegalArgumentException refused) {
                results.add(new ActionResult(target, action, false, null, null, refused.getMessage()));
            }
        }
        return results;
    }

    private List<String> selectOrRefuse(String selector, String action, String principal) {
        try {
            return selection.select(selector);
        } catch (IllegalArgumentException refused) {
            record(principal, action, selector, "", null, null, false, refused.getMessage());
            throw refused;
        }
    }

    private Guarded known(String target, String action, String reason, String principal) {
        try {
            return breaker(target);
        } catch (IllegalArgumentException unknown) {
            record(principal, action, String.valueOf(target), reason, null, null, false, unknown.getMessage());
            throw unknown;
        }
    }

    /** {@code check}'s result; a refusal it throws is audited, then thrown. */
    private <T> T checked(Supplier<T> check, String principal, String action, String target, String reason) {
        try {
            return check.get();
        } catch (IllegalArgumentException refused) {
            record(principal, action, target, reason, null, null, false, refused.getMessage());
            throw refused;
        }
    }

    static String forceAction(CircuitState state) {
        return state == CircuitState.OPEN ? "forceOpen" : "forceClosed";
    }

    static String untilText(Guarded guarded, long until) {
        return until == Forced.NEVER ? "until released"
                : "until " + Instant.ofEpochMilli(guarded.clock().toEpochMillis(until));
    }

    /**
     * Audits an action, or something that happened outside one (a hand edit of the overrides file).
     * Every text is cut to a bounded excerpt, so a refused megabyte is not kept as one.
     */
    void record(String principal, String action, String target, String reason, String previous, String next,
                        boolean succeeded, String detail) {
        audit.record(new AuditEntry(System.currentTimeMillis(), OperatorInput.excerpt(principal, OperatorInput.MAX_NAME),
                action, OperatorInput.excerpt(target, MAX_AUDITED_TARGET),
                reason == null ? "" : OperatorInput.excerpt(reason, OperatorInput.MAX_REASON), previous, next, succeeded,
                OperatorInput.excerpt(detail, MAX_AUDITED_DETAIL)));
    }
}
