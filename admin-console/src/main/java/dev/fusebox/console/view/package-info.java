/**
 * The JavaFX screens: fleet overview, breaker table, detail with chart and gauges, action and
 * connection dialogs. They bind to the view-models and hold no state of their own. The FX thread is
 * entered in one place only, {@link dev.fusebox.console.view.UiDispatcher}, which coalesces the
 * feed's snapshots to at most one update per JVM (so per breaker) per frame. Nothing here makes a
 * JMX call: actions go through the view-models to the connections' workers.
 */
package dev.fusebox.console.view;
