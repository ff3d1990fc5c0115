/**
 * The secured remote JMX connector (module {@code fusebox-ft-jmx-remote}), started by
 * {@link dev.fusebox.ft.jmx.remote.RemoteAccessExtension} when this module is on the class path
 * and {@code fusebox.jmx.remote.enabled=true}:
 * {@link dev.fusebox.ft.jmx.remote.RemoteSettings} (from MicroProfile Config),
 * {@link dev.fusebox.ft.jmx.remote.Credentials} (the users' file and the tool that writes it),
 * {@link dev.fusebox.ft.jmx.remote.Role} and {@link dev.fusebox.ft.jmx.remote.RemoteConnector}.
 * Authentication, the role check and the socket factory are package-private. JDK and the
 * MicroProfile Config API only.
 */
package dev.fusebox.ft.jmx.remote;
