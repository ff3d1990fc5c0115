package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Transition;

/**
 * Reports every transition of one breaker to management, in the order the breaker made them, on
 * the thread the breaker delivers it on (the one that caused it, or another delivering the
 * breaker's transitions; see {@code CircuitBreakerListener}): commits a JFR event, audits a
 * forcing that ran out (and tells the store), and hands the transition to the breaker's
 * {@link StateNotifications} when it has an MXBean. Quick and allocation-light; never throws for a
 * caller to see. Thread-safe.
 */
final class TransitionReporter implements CircuitBreakerListener {

    private final String application;
    private final Guarded method;
    private final OperatorActions actions;
    private final StateNotifications notifications;

    /** {@code notifications}: null when the breaker has no MXBean (JMX management disabled). */
    TransitionReporter(String application, Guarded method, OperatorActions actions, StateNotifications notifications) {
        this.application = application;
        this.method = method;
        this.actions = actions;
        this.notifications = notifications;
    }

    @Override
    public void onStateChange(CircuitBreaker breaker, CircuitState from, CircuitState to) {
        // onTransition carries everything
    }

    @Override
    public void onTransition(CircuitBreaker breaker, Transition transition) {
        BreakerTransitionEvent event = new BreakerTransitionEvent();
        if (event.isEnabled()) {
            event.application = application;
            event.name = method.name();
            event.from = transition.from().name();
            event.to = transition.to().name();
            event.cause = transition.cause();
            event.forcedBy = transition.forced() == null ? null : transition.forced().by();
            event.commit();
        }
        if (isExpiry(transition)) {
            actions.expired(method, transition);
        }
        if (notifications != null) {
            notifications.on(transition);
        }
    }

    /** Whether the engine let a forcing go because it ran out (nobody acted). */
    static boolean isExpiry(Transition transition) {
        return transition.kind() == Transition.Kind.EXPIRED;
    }

    @Override
    public String toString() {
        return "fault tolerance management of " + method.name();
    }
}
