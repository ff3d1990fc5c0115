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
                .contains("breaker    payments made 4 calls: the open circuit kept the 5th away from the dying service")
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
    }
}
