package dev.fusebox.ft.jmx.remote.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.jmx.remote.RemoteSettings;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A remote connector that cannot start fails deployment with its own reason in the container's
 * failure: the extension throws it from its observer rather than handing it to
 * {@code addDeploymentProblem}, which OpenWebBeans only logs (its exception then says "Look at logs
 * for further details" and carries nothing). OpenWebBeans makes a thrown one the cause of its
 * failure; Weld lists it (suppressed, and in its message) either way.
 */
@ExtendWith(ThreadHygiene.class)
class DeploymentProblemTest {

    @Test
    void anInvalidSettingIsTheCauseOfTheDeploymentFailure() {
        Throwable failure = catchThrowable(() -> Container.start(Map.of(RemoteSettings.ENABLED, "true",
                RemoteSettings.PORT, "70000"), Shop.Payments.class).close());
        assertThat(failure).as("deployment fails").isInstanceOf(DeploymentException.class);
        assertThat(reported(failure)).as("what %s reports", failure)
                .anySatisfy(cause -> assertThat(cause).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(RemoteSettings.PORT + " must be from 0 to 65535, was 70000"));
    }

    /** The failure's causes and the exceptions it lists (suppressed). */
    private static List<Throwable> reported(Throwable failure) {
        List<Throwable> reported = new ArrayList<>(List.of(failure.getSuppressed()));
        for (Throwable cause = failure; cause != null && reported.size() < 32; cause = cause.getCause()) {
            reported.add(cause);
        }
        return reported;
    }
}
