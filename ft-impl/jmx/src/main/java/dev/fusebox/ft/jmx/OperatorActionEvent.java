package dev.fusebox.ft.jmx;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event: an operator action on a guarded method, done or refused.
 * Not thread-safe: each event is made, filled and committed by one thread.
 */
@Name("dev.fusebox.ft.OperatorAction")
@Label("Operator Action")
@Category("Fusebox")
@Description("An operator forced, released, reset or reconfigured a guarded method, or was refused")
final class OperatorActionEvent extends Event {

    @Label("Application")
    String application;

    @Label("Principal")
    String principal;

    @Label("Action")
    String action;

    @Label("Target")
    String target;

    @Label("Reason")
    String reason;

    @Label("Previous")
    String previous;

    @Label("New")
    String next;

    @Label("Succeeded")
    boolean succeeded;

    @Label("Detail")
    String detail;
}
