package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 item 4: 10,000 concurrent asynchronous calls through {@code @Bulkhead(100)} on virtual
 * threads, under a JFR recording of {@code jdk.VirtualThreadPinned} with threshold 0: at most 100
 * run at once (exactly 100 do, the first hundred wait for each other), every call completes, no
 * virtual thread of Fusebox is pinned, and every one of them has ended after the container closed.
 * A control shows that the recording does catch a pin on Fusebox's virtual threads: on JDK 24+
 * {@code synchronized} no longer pins (JEP 491), but blocking inside a class initializer still does.
 *
 * <p>Runs only in the {@code jdk25} surefire execution ({@code *OnVirtualThreadsTest}, see
 * {@link AsyncOnVirtualThreadsTest}).
 */
@ExtendWith(ThreadHygiene.class)
class BulkheadOnVirtualThreadsTest {

    static final int CALLS = 10_000;
    static final int LIMIT = 100;

    @ApplicationScoped
    public static class Crowd {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostRunning = new AtomicInteger();
        private final CountDownLatch firstHundred = new CountDownLatch(LIMIT);
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        /** Read through methods: a client proxy's fields are its own. */
        int mostRunning() {
            return mostRunning.get();
        }

        Set<Thread> threads() {
            return threads;
        }

        /** Blocks (unmounting its virtual thread) until the first hundred are all in, then for 1 ms. */
        @Asynchronous
        @Bulkhead(value = LIMIT, waitingTaskQueue = CALLS - LIMIT)
        public CompletionStage<Integer> call(int number) throws InterruptedException {
            threads.add(Thread.currentThread());
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                firstHundred.countDown();
                if (!firstHundred.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the bulkhead never let " + LIMIT + " calls run at once");
                }
                Thread.sleep(1);
                return CompletableFuture.completedFuture(number);
            } finally {
                running.decrementAndGet();
            }
        }

        /** Initialises {@link BlocksInItsInitializer}: blocks while pinned. */
        @Asynchronous
        public CompletionStage<String> pinOnPurpose() {
            threads.add(Thread.currentThread());
            return CompletableFuture.completedFuture(BlocksInItsInitializer.NAME);
        }
    }

    /** Its initializer sleeps: a virtual thread that runs it is pinned to its carrier meanwhile. */
    static final class BlocksInItsInitializer {
        static final String NAME;

        static {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            NAME = "initialised";
        }
    }

    @Test
    void tenThousandCallsThroughABulkheadOfAHundredRunWithoutPinning() throws Exception {
        Set<Thread> threads;
        int mostRunning;
        List<RecordedEvent> pinned;
        try (Container container = Container.start(AsyncOnVirtualThreadsTest.VIRTUAL, Crowd.class);
             PinnedRecording recording = PinnedRecording.start()) {
            Crowd crowd = container.bean(Crowd.class);
            List<CompletableFuture<Integer>> calls = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                calls.add(crowd.call(i).toCompletableFuture());
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Set<Integer> completed = calls.stream().map(CompletableFuture::join).collect(Collectors.toSet());
            assertThat(completed).as("every call completed with its own result").hasSize(CALLS);
            pinned = recording.pinnedOnFuseboxThreads();
            threads = crowd.threads();
            mostRunning = crowd.mostRunning();
        }
        assertThat(mostRunning).as("most calls running at once").isEqualTo(LIMIT);
        assertThat(threads).as("one virtual thread per call").hasSize(CALLS)
                .allMatch(AsyncOnVirtualThreadsTest::isVirtual);
        assertThat(pinned).as("jdk.VirtualThreadPinned events on Fusebox's threads").isEmpty();
        Await.until("every virtual thread of the container ended", () -> threads.stream().noneMatch(Thread::isAlive));
    }

    /** The control: the same recording sees a pin that a method causes on purpose. */
    @Test
    void theRecordingCatchesAPinOnAFuseboxVirtualThread() throws Exception {
        List<RecordedEvent> pinned;
        try (Container container = Container.start(AsyncOnVirtualThreadsTest.VIRTUAL, Crowd.class);
             PinnedRecording recording = PinnedRecording.start()) {
            assertThat(container.bean(Crowd.class).pinOnPurpose().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("initialised");
            pinned = recording.pinnedOnFuseboxThreads();
        }
        assertThat(pinned).as("jdk.VirtualThreadPinned events on Fusebox's threads").isNotEmpty();
        assertThat(pinned.get(0).getThread().getJavaName()).startsWith("fusebox-async-virtual-");
    }

    /** A JFR recording of {@code jdk.VirtualThreadPinned}, every one of them (threshold 0). Not thread-safe. */
    static final class PinnedRecording implements AutoCloseable {
        private final Recording recording = new Recording();

        static PinnedRecording start() {
            PinnedRecording pinned = new PinnedRecording();
            pinned.recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            pinned.recording.start();
            return pinned;
        }

        /** Stops the recording and returns its pinned events on threads named {@code fusebox-}. */
        List<RecordedEvent> pinnedOnFuseboxThreads() throws Exception {
            recording.stop();
            Path file = Files.createTempFile("fusebox-pinned", ".jfr");
            try {
                recording.dump(file);
                List<RecordedEvent> events = new ArrayList<>();
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    RecordedThread thread = event.getThread();
                    if (event.getEventType().getName().equals("jdk.VirtualThreadPinned") && thread != null
                            && thread.getJavaName() != null && thread.getJavaName().startsWith("fusebox-")) {
                        events.add(event);
                    }
                }
                return events;
            } finally {
                Files.deleteIfExists(file);
            }
        }

        @Override
        public void close() {
            recording.close();
        }
    }
}
