/**
 * Fusebox's management API: the MXBean interfaces every guarded method is published under, their
 * open data types (records, readable by jconsole and VisualVM as composite data), the ObjectNames,
 * and {@link dev.fusebox.ft.management.FaultToleranceOperations}, the same operator actions for
 * application code. JDK only: the admin console and scripts depend on this and nothing else.
 */
package dev.fusebox.ft.management;
