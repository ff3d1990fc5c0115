package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.fixture.IdleJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Discovery through the real Attach API, of a fresh JVM that names a Fusebox connector port. */
class LocalJvmDiscoveryTest {

    @Test
    void findsALocalJvmThatNamesAFuseboxConnector() throws Exception {
        assertThat(LocalJvmDiscovery.available()).isTrue();
        Process idle = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfusebox.jmx.port=19010", "-cp", System.getProperty("java.class.path"), IdleJvm.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("idle");
            List<LocalJvmDiscovery.LocalJvm> found = new LocalJvmDiscovery().discover();
            assertThat(found).filteredOn(j -> j.pid().equals(Long.toString(idle.pid()))).singleElement()
                    .satisfies(j -> {
                        assertThat(j.remoteEndpoint()).isEqualTo("127.0.0.1:19010");
                        assertThat(j.profile().port()).isEqualTo(19010);
                    });
            assertThat(found).noneMatch(j -> j.pid().equals(Long.toString(ProcessHandle.current().pid())));
        } finally {
            idle.destroy();
            idle.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
