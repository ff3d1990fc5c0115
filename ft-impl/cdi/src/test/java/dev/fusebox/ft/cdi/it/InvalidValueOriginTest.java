package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an invalid value says about itself: where it came from (the annotation, or which
 * MicroProfile Config key in which config source), the valid values of an enum it is not one of,
 * and how often the deployment failure prints it.
 */
@ExtendWith(ThreadHygiene.class)
class InvalidValueOriginTest {

    private static final String BEAN = Guarded.class.getName();

    @ApplicationScoped
    public static class Guarded {
        @Retry(maxRetries = 1)
        public String retried() {
            return "";
        }

        @CircuitBreaker
        public String broken() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadAnnotation {
        @Retry(maxRetries = -2)
        public String retried() {
            return "";
        }
    }

    @Test
    void aValueFromTheAnnotationSaysSo() {
        assertThat(failure(Map.of(), BadAnnotation.class).getMessage())
                .contains(BadAnnotation.class.getName() + "#retried()", "maxRetries = -2", "from the annotation")
                .doesNotContain("MicroProfile Config");
    }

    @Test
    void aValueFromConfigNamesItsKeyAndSource() {
        assertThat(failure(Map.of("Retry/maxRetries", "-2"), Guarded.class).getMessage())
                .contains(BEAN + "#retried()", "maxRetries = -2",
                        "from MicroProfile Config key 'Retry/maxRetries' in config source 'PropertiesConfigSource[source=test]'")
                .doesNotContain("from the annotation");
    }

    @Test
    void theMostSpecificKeyIsTheOneNamed() {
        assertThat(failure(Map.of("Retry/maxRetries", "2", BEAN + "/retried/Retry/maxRetries", "-7"), Guarded.class)
                .getMessage())
                .contains("maxRetries = -7", "key '" + BEAN + "/retried/Retry/maxRetries'");
    }

    @Test
    void anUnreadableNumberNamesItsKey() {
        assertThat(failure(Map.of(BEAN + "/broken/CircuitBreaker/failureRatio", "half"), Guarded.class).getMessage())
                .contains(BEAN + "#broken()", "failureRatio", "'half'",
                        "from MicroProfile Config key '" + BEAN + "/broken/CircuitBreaker/failureRatio'");
    }

    @Test
    void anUnknownUnitListsTheValidUnits() {
        assertThat(failure(Map.of("CircuitBreaker/delayUnit", "FOO"), Guarded.class).getMessage())
                .contains(BEAN + "#broken()", "delayUnit", "'FOO'", "key 'CircuitBreaker/delayUnit'",
                        "NANOS, MICROS, MILLIS, SECONDS, MINUTES, HOURS, HALF_DAYS, DAYS")
                .doesNotContain("No enum constant");
    }

    /**
     * Weld lists each definition error twice: in its message (the error's printed trace) and as a
     * suppressed exception. Fusebox's errors carry no stack of their own (the message says what
     * and where) and no cause that repeats the message, so each shows as one line in each place
     * instead of its ~100-frame bootstrap stack twice.
     */
    @Test
    void aDeploymentErrorIsPrintedAsItsMessageOnly() {
        Throwable failure = failure(Map.of("Retry/maxRetries", "abc"), Guarded.class);
        String message = "Invalid @Retry on " + BEAN + "#retried()";
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).as("printed trace").contains(message)
                .doesNotContain("at dev.fusebox.ft.cdi.config.", "at dev.fusebox.ft.cdi.FaultToleranceExtension", "Caused by");
        assertThat(occurrences(printed.toString(), message)).as("printed trace:%n%s", printed)
                .isEqualTo(1 + failure.getSuppressed().length);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static Throwable failure(Map<String, String> properties, Class<?>... beans) {
        Throwable failure = catchThrowable(() -> Container.start(properties, beans).close());
        assertThat(failure).as("deployment fails").isNotNull();
        return failure;
    }
}
