/**
 * JMX management of one CDI container's guarded methods: the MXBeans of
 * {@code dev.fusebox.ft.management}, registered when deployment ends and removed at shutdown;
 * notifications; operator actions with their audit. The secured remote connector is in its own
 * module, {@code fusebox-ft-jmx-remote} ({@code dev.fusebox.ft.jmx.remote}). Reads engine snapshots and acts through the engines' operator
 * API; never part of a call's path.
 */
package dev.fusebox.ft.jmx;
