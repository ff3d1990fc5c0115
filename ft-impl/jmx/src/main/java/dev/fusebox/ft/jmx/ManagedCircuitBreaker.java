package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerSnapshot;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.core.circuitbreaker.Transition;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.StateTransition;
import java.util.List;

/**
 * The {@link CircuitBreakerMXBean} of one guarded method: reads the breaker's snapshot and the
 * method's counters; its operations go through {@link OperatorActions} as the JMX client's
 * principal. Thread-safe.
 */
final class ManagedCircuitBreaker implements CircuitBreakerMXBean {

    private final Guarded guarded;
    private final OperatorActions actions;

    ManagedCircuitBreaker(Guarded guarded, OperatorActions actions) {
        this.guarded = guarded;
        this.actions = actions;
    }

    private CircuitBreakerSnapshot snapshot() {
        return guarded.method().breaker().snapshot();
    }

    @Override
    public boolean isShadow() {
        return guarded.method().breaker().isShadow();
    }

    @Override
    public long getWouldReject() {
        return guarded.method().breaker().wouldReject();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public String getBeanClass() {
        return guarded.beanClass();
    }

    @Override
    public String getMethod() {
        return guarded.methodKey();
    }

    @Override
    public String getState() {
        return guarded.method().breaker().state().name();
    }

    @Override
    public boolean isForced() {
        return guarded.method().breaker().forced() != null;
    }

    @Override
    public Forcing getForcing() {
        Forced forced = guarded.method().breaker().forced();
        return forced == null ? null : forcing(forced, guarded.clock());
    }

    static Forcing forcing(Forced forced, TickerClock clock) {
        return new Forcing(forced.state().name(), forced.by(), forced.reason(), clock.toEpochMillis(forced.sinceNanos()),
                clock.untilEpochMillis(forced.untilNanos()));
    }

    @Override
    public long getTimeInStateMillis() {
        return snapshot().nanosInState() / 1_000_000L;
    }

    @Override
    public double getFailureRatio() {
        return snapshot().failureRatio();
    }

    @Override
    public int getWindowRecorded() {
        return snapshot().windowRecorded();
    }

    @Override
    public int getWindowFailures() {
        return snapshot().windowFailures();
    }

    @Override
    public String getWindow() {
        return snapshot().window();
    }

    @Override
    public int getTrialsAdmitted() {
        return snapshot().trialsAdmitted();
    }

    @Override
    public int getTrialsInFlight() {
        return snapshot().trialsInFlight();
    }

    @Override
    public long getCalls() {
        return guarded.method().counters().breakerCalls();
    }

    @Override
    public long getSuccesses() {
        return guarded.method().counters().breakerSuccesses();
    }

    @Override
    public long getFailures() {
        return guarded.method().counters().breakerFailures();
    }

    @Override
    public long getRejections() {
        return guarded.method().counters().breakerRejections();
    }

    @Override
    public long getTimesOpened() {
        return guarded.method().counters().breakerOpened();
    }

    @Override
    public CircuitBreakerSettings getConfiguration() {
        CircuitBreakerPolicy policy = guarded.method().breaker().policy();
        return new CircuitBreakerSettings(policy.requestVolumeThreshold(), policy.failureRatio(),
                policy.delayNanos() / 1_000_000L, policy.successThreshold());
    }

    @Override
    public List<StateTransition> getTransitions() {
        return guarded.method().breaker().transitions().stream().map(this::transition).toList();
    }

    private StateTransition transition(Transition made) {
        return new StateTransition(made.from().name(), made.to().name(), guarded.clock().toEpochMillis(made.atNanos()),
                made.cause(), made.forced() == null ? null : made.forced().by(), made.windowFailureRatio());
    }

    @Override
    public ActionResult forceOpen(String reason, String expiry) {
        return actions.force(guarded.name(), CircuitState.OPEN, reason, () -> Expiry.parse(expiry),
                Principals.ofJmxClient());
    }

    @Override
    public ActionResult forceClosed(String reason, String expiry) {
        return actions.force(guarded.name(), CircuitState.CLOSED, reason, () -> Expiry.parse(expiry),
                Principals.ofJmxClient());
    }

    @Override
    public ActionResult release() {
        return actions.release(guarded.name(), Principals.ofJmxClient());
    }

    @Override
    public ActionResult reset() {
        return actions.reset(guarded.name(), "", Principals.ofJmxClient());
    }

    @Override
    public ActionResult configure(String parameter, String value, String reason) {
        return actions.configure(guarded, "CircuitBreaker", parameter, value, reason, Principals.ofJmxClient());
    }
}
