package dev.fusebox.ft.configsource;

import dev.fusebox.ft.management.OverridesFormat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUpdateTest {

    private static final int KEYS = 20;
    private static final int GENERATIONS = 300;

    @TempDir
    Path dir;

    /** Every key set to the same generation number: a reader can tell a complete snapshot from a torn one. */
    private static Map<String, String> generation(int number) {
        Map<String, String> entries = new HashMap<>();
        for (int k = 0; k < KEYS; k++) {
            entries.put(String.format("com.example.Svc%02d/call/Retry/maxRetries", k), Integer.toString(number));
        }
        return entries;
    }

    /** Why {@code entries} is not one complete generation, or null if it is. */
    private static String incomplete(Map<String, String> entries) {
        if (entries.size() != KEYS) {
            return "has " + entries.size() + " keys: " + entries;
        }
        return Set.copyOf(entries.values()).size() == 1 ? null : "mixes generations: " + entries;
    }

    @Test
    void readersNeverSeeAPartialFileOrAPartialSnapshot() throws Exception {
        OverridesFile file = OverridesFile.open(dir.resolve("atomic.properties"));
        file.update(generation(0), List.of());
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> generationsOnDisk = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> diskReader = threads.submit(() -> {
                while (writing.get()) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file.path());
                    } catch (NoSuchFileException e) {
                        failures.add("file missing between writes");
                        continue;
                    }
                    OverridesFormat.Parsed parsed = OverridesFormat.parse(bytes);
                    String problem = parsed.corrupt() ? parsed.problem() : incomplete(parsed.entries());
                    if (problem != null) {
                        failures.add("file " + problem);
                    } else {
                        generationsOnDisk.add(parsed.entries().values().iterator().next());
                    }
                }
                return null;
            });
            Future<?> snapshotReader = threads.submit(() -> {
                while (writing.get()) {
                    String problem = incomplete(file.values());
                    if (problem != null) {
                        failures.add("snapshot " + problem);
                    }
                }
                return null;
            });
            for (int g = 1; g <= GENERATIONS; g++) {
                file.update(generation(g), List.of());
            }
            writing.set(false);
            diskReader.get(30, TimeUnit.SECONDS);
            snapshotReader.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(generationsOnDisk).as("the reader saw the file change under it").hasSizeGreaterThan(1);
        assertThat(file.values()).isEqualTo(generation(GENERATIONS));
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
        OverridesFile file = OverridesFile.open(dir.resolve("concurrent.properties"));
        file.setPollInterval(Duration.ofMillis(50));
        int writers = 8;
        int updatesEach = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int u = 0; u < updatesEach; u++) {
                        file.update(Map.of("writer" + writer + "/update" + u, Integer.toString(u),
                                "writer" + writer + "/last", Integer.toString(u)), List.of());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<String, String> values = file.values();
        assertThat(values).hasSize(writers * (updatesEach + 1));
        for (int w = 0; w < writers; w++) {
            assertThat(values).containsEntry("writer" + w + "/last", Integer.toString(updatesEach - 1));
        }
        assertThat(OverridesFormat.parse(Files.readAllBytes(file.path())).entries()).isEqualTo(values);
        Set<String> keys = new HashSet<>(values.keySet());
        assertThat(keys).contains("writer0/update0", "writer7/update39");
    }
}
