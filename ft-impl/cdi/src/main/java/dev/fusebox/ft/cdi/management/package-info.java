/**
 * The port through which management (the {@code fusebox-ft-jmx} module) reads and changes the
 * guarded methods of a container: {@link dev.fusebox.ft.cdi.management.GuardedMethods} lists
 * them, {@link dev.fusebox.ft.cdi.management.MethodEngines} gives each one's name, policy and
 * engines. Nothing outside the CDI layer's wiring uses {@code dev.fusebox.ft.cdi.interceptor}.
 */
package dev.fusebox.ft.cdi.management;
