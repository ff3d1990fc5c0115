package dev.fusebox.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the quickstart in-process and checks that every policy visibly acted. */
class FlakyDependencyDemoTest {

    @Test
    void everyPolicyActs() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> lines;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            lines = FlakyDependencyDemo.run(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(lines);
        assertThat(lines)
                .contains("retry      succeeded after 3 attempts: inventory answer #3")
                .anyMatch(line -> line.startsWith("breaker    -> CircuitBreakerOpenException"))
                .contains("breaker    circuit OPEN after 4 failures: payments saw 4 calls, the open circuit kept the 5th away from the dying service")
                .contains("breaker    -> payments answer #5", "breaker    -> payments answer #6")
                .anyMatch(line -> line.startsWith("timeout    -> TimeoutException"))
                .contains("fallback   -> 9.99 (cached)", "fallback   -> 4.90 (flat rate)")
                .anyMatch(line -> line.startsWith("async      -> loyalty answer #1 on fusebox-async-"))
                .anyMatch(line -> line.startsWith("async      -> audit answer #1 on fusebox-async-"))
                .contains("combined   -> queued")
                .contains("combined   orders saw 3 attempts: timeout, refusal, timeout, then the fallback")
                .endsWith("done       all policies shown; shutting down");
        assertThat(lines.stream().filter(line -> line.startsWith("bulkhead   -> BulkheadException"))).hasSize(3);
        assertThat(lines.stream().filter(line -> line.startsWith("bulkhead   -> recommendations answer"))).hasSize(2);
        assertThat(lines.stream().filter(line -> line.startsWith("bulkhead   -> reports answer"))).hasSize(2);
        assertThat(lingeringThreads()).as("threads left behind by the demo or the container").isEmpty();
    }

    /** Fusebox's pool and timer threads and the demo's callers still alive a moment after the run. */
    private static List<String> lingeringThreads() throws InterruptedException {
        List<String> alive = List.of();
        for (int i = 0; i < 50; i++) {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("fusebox-") || name.startsWith(FlakyDependencyDemo.CALLER_THREAD_PREFIX))
                    .toList();
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        }
        return alive;
    }
}
