package dev.fusebox.console.connect;

import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.Permission;

/**
 * What one JVM's login may do, as the console publishes it: what the role probe found at each
 * connect, unless the server has refused an action before. A refusal outlives reconnections (the
 * login does not change): from then on actions on that JVM stay disabled with the server's message.
 *
 * <p>Thread-safety: not thread-safe; confined to its connection's worker thread.
 */
final class LoginPermission {

    private final String jvm;
    private final FeedSink sink;
    private Permission refusal;

    LoginPermission(String jvm, FeedSink sink) {
        this.jvm = jvm;
        this.sink = sink;
    }

    /** Publishes what the probe at connect found, or the remembered refusal when the probe allowed acting. */
    void probed(Permission probed) {
        sink.permissionChanged(jvm, refusal != null && probed.actionsAllowed() ? refusal : probed);
    }

    /** The server refused {@code operation}: from now on this login counts as a viewer. */
    void refused(String operation, SecurityException e) {
        refusal = new Permission(Permission.Role.VIEWER,
                e.getMessage() + " (the server refused " + operation + "; actions disabled for " + jvm + ")");
        sink.permissionChanged(jvm, refusal);
    }
}
