package dev.fusebox.console.view;

import dev.fusebox.console.feed.JvmSnapshot;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one way onto the FX thread. Snapshots from the feed (any thread) are kept latest-per-JVM and
 * applied once per frame by an {@link AnimationTimer}: a JVM that changed ten times between two
 * frames costs one update, so each breaker row changes at most once per frame however fast its
 * notifications come. Tasks given to {@link #execute} (results of actions) run in the same frame
 * callback, in order.
 *
 * <p>Thread-safety: {@link #accept} and {@link #execute} may be called from any thread; they only
 * touch concurrent collections. Everything else runs on the FX thread.
 */
public final class UiDispatcher implements Consumer<JvmSnapshot>, Executor {

    private static final System.Logger LOG = System.getLogger(UiDispatcher.class.getName());

    private final Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Consumer<JvmSnapshot> target;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    /** @param target what applies a snapshot on the FX thread (the console view-model) */
    public UiDispatcher(Consumer<JvmSnapshot> target) {
        this.target = target;
    }

    /** Starts applying updates once per frame. */
    public void start() {
        Platform.runLater(frames::start);
    }

    public void stop() {
        Platform.runLater(frames::stop);
    }

    /** Keeps {@code snapshot} as the latest of its JVM; the next frame applies it. */
    @Override
    public void accept(JvmSnapshot snapshot) {
        latest.put(snapshot.jvm(), snapshot);
    }

    /** Runs {@code task} on the FX thread in the next frame. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    private void drain() {
        for (String jvm : latest.keySet()) {
            JvmSnapshot s = latest.remove(jvm);
            if (s != null) {
                try {
                    target.accept(s);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "applying the snapshot of " + jvm + " failed", e);
                }
            }
        }
        for (Runnable task; (task = tasks.poll()) != null; ) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a UI task failed", e);
            }
        }
    }
}
