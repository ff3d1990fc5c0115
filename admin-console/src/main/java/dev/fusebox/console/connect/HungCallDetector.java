package dev.fusebox.console.connect;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FeedSink;
import java.util.function.LongSupplier;

/**
 * Detects a call to one JVM that hangs: its connection's worker marks when a call starts and ends,
 * and the fleet's watchdog asks, once a second, whether the current call has been running too long.
 * A JVM that is paused or hung then shows "CONNECTED, but not answering for n s" (the worker cannot
 * say so itself: it is the one waiting), and plain "CONNECTED" again once the call returns.
 *
 * <p>Thread-safety: thread-safe. The worker ({@link #callStarted}, {@link #callEnded}) and the
 * fleet's watchdog thread ({@link #check}) share the two mutable fields under this object's lock;
 * both publications to the sink happen under it too, so "not answering" can never arrive after the
 * "CONNECTED" that ended it. The other fields are final.
 */
final class HungCallDetector {

    private final String jvm;
    private final FeedSink sink;
    private final long stallAfterMillis;
    private final LongSupplier clock;
    private long callStartedAt;
    private boolean stalled;

    HungCallDetector(String jvm, FeedSink sink, long stallAfterMillis, LongSupplier clock) {
        this.jvm = jvm;
        this.sink = sink;
        this.stallAfterMillis = stallAfterMillis;
        this.clock = clock;
    }

    synchronized void callStarted() {
        callStartedAt = clock.getAsLong();
    }

    synchronized void callEnded() {
        callStartedAt = 0;
        if (stalled) {
            stalled = false;
            sink.connectionChanged(jvm, ConnectionState.connected());
        }
    }

    synchronized void check(long nowMillis) {
        long running = callStartedAt == 0 ? 0 : nowMillis - callStartedAt;
        if (running >= stallAfterMillis) {
            stalled = true;
            sink.connectionChanged(jvm, ConnectionState.notAnswering(running / 1000));
        }
    }
}
