package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.jmx.overrides.LiveConfiguration;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.Forcing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agent in the same JVM (the fleet module) may do to one running application, through the
 * same doors as an operator over JMX: force, release and reset breakers under a name of its own
 * (audited, kept in the {@link ForcedStateStore} like any forcing), expand a target as group
 * operations do, listen to every breaker's transitions, check a configuration entry as the
 * overrides file's validator does and resolve every policy again after the configuration changed.
 * Handed out by {@link ManagementExtension#control()} between the end of deployment and shutdown.
 * Thread-safe (every call goes to {@link OperatorActions} or the engines, which are).
 */
public final class ApplicationControl {

    private final String application;
    private final OperatorActions actions;
    private final LiveConfiguration configuration;

    ApplicationControl(String application, OperatorActions actions, LiveConfiguration configuration) {
        this.application = application;
        this.actions = actions;
        this.configuration = configuration;
    }

    /** The name management registered under (the fleet's application). */
    public String application() {
        return application;
    }

    /** Every breaker's name ({@code <bean class>#<method>}), sorted. */
    public List<String> breakers() {
        return actions.breakerNames();
    }

    /**
     * The breakers a target names: a breaker, {@code group:<name>} (this application's groups) or a
     * glob; an IllegalArgumentException saying why when it names none.
     */
    public List<String> select(String target) {
        return actions.selection().select(target);
    }

    /** The breaker's state now (CLOSED, OPEN, HALF_OPEN). */
    public String state(String breaker) {
        return actions.breaker(breaker).method().breaker().state().name();
    }

    /** The breaker's forcing in force now, in wall-clock times; null when it is automatic. */
    public Forcing forcing(String breaker) {
        Guarded guarded = actions.breaker(breaker);
        Forced forced = guarded.method().breaker().forced();
        return forced == null ? null : new Forcing(forced.state().name(), forced.by(), forced.reason(),
                guarded.clock().toEpochMillis(forced.sinceNanos()), guarded.clock().untilEpochMillis(forced.untilNanos()));
    }

    /**
     * Forces one breaker as an operator named {@code by} would over JMX, until
     * {@code untilEpochMillis} (0: until released); refusals are audited and thrown as
     * IllegalArgumentException.
     */
    public ActionResult force(String breaker, boolean open, String by, String reason, long untilEpochMillis) {
        return actions.force(breaker, open ? CircuitState.OPEN : CircuitState.CLOSED, reason,
                () -> untilEpochMillis == 0 ? Expiry.NEVER : Expiry.parse(Instant.ofEpochMilli(untilEpochMillis).toString()),
                by);
    }

    /** Releases one breaker's forcing; not succeeded when it was not forced. */
    public ActionResult release(String breaker, String by) {
        return actions.release(breaker, by);
    }

    /** Closes one breaker with an empty window (and drops its forcing, as over JMX). */
    public ActionResult reset(String breaker, String by, String reason) {
        return actions.reset(breaker, reason, by);
    }

    /**
     * Calls {@code listener} after every transition of every breaker, on the thread the breaker
     * delivers it on (perhaps a business call): it must be quick and must not block. Close the
     * result to stop.
     */
    public AutoCloseable onTransitions(Runnable listener) {
        List<AutoCloseable> watches = new ArrayList<>();
        CircuitBreakerListener each = (breaker, from, to) -> listener.run();
        for (String name : actions.breakerNames()) {
            CircuitBreaker breaker = actions.breaker(name).method().breaker();
            watches.add(breaker.listen(each));
        }
        return () -> {
            for (AutoCloseable watch : watches) {
                watch.close();
            }
        };
    }

    /**
     * Why {@code key=value} would be refused as an entry of the overrides file (a policy of a
     * guarded method that would not resolve), or null when it is taken.
     */
    public String configurationProblem(String key, String value) {
        return configuration.problem(key, value);
    }

    /**
     * Resolves every guarded method's policy again from the configuration as it is now and applies
     * what changed in place (breakers keep their state); each change is audited under
     * {@code principal} with {@code detail} (what caused it), a policy that no longer resolves is kept and its refusal audited.
     */
    public void reconfigure(String principal, String detail) {
        configuration.applyAll(principal, detail);
    }

    @Override
    public String toString() {
        return "control of " + application;
    }
}
