package dev.fusebox.ft.jmx;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event: a circuit breaker changed its state or its forcing.
 * Not thread-safe: each event is made, filled and committed by one thread.
 */
@Name("dev.fusebox.ft.BreakerTransition")
@Label("Circuit Breaker Transition")
@Category("Fusebox")
@Description("A circuit breaker changed state or forcing, with the cause")
final class BreakerTransitionEvent extends Event {

    @Label("Application")
    String application;

    @Label("Breaker")
    String name;

    @Label("From")
    String from;

    @Label("To")
    String to;

    @Label("Cause")
    String cause;

    @Label("Forced By")
    String forcedBy;
}
