package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code fusebox.async.virtual-threads=true} on a JDK without virtual threads (before 21) fails
 * deployment with a message that names the key, the JDK it needs and the one it runs on.
 *
 * <p>Runs in {@code default-test}, on the build's JDK (17 here); the pom excludes it from the
 * {@code jdk25} execution, where {@link AsyncOnVirtualThreadsTest} covers the key. It skips nothing:
 * on a build JDK of 21 or later it checks instead that the key is accepted.
 */
@ExtendWith(ThreadHygiene.class)
class VirtualThreadsNeedJdk21Test {

    @ApplicationScoped
    public static class Worker {
        @Asynchronous
        public CompletionStage<String> thread() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void askingForVirtualThreadsBeforeJdk21FailsDeploymentSayingWhy() throws Exception {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            assertThat(InvalidDefinitionTest.deploymentFailure(AsyncOnVirtualThreadsTest.VIRTUAL, Worker.class))
                    .contains("fusebox.async.virtual-threads=true", "JDK 21", "Java " + Runtime.version(),
                            System.getProperty("java.home"));
        } else {
            try (Container container = Container.start(AsyncOnVirtualThreadsTest.VIRTUAL, Worker.class)) {
                assertThat(container.bean(Worker.class).thread().toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .startsWith("fusebox-async-virtual-");
            }
        }
    }
}
