/**
 * Starting the console: {@link dev.fusebox.console.app.ConsoleLauncher#main} (a plain class, so the
 * console runs from the class path) launches {@link dev.fusebox.console.app.ConsoleApp}, which wires
 * feed, connections, view-models, dispatcher and view through {@link dev.fusebox.console.app.Console}.
 */
package dev.fusebox.console.app;
