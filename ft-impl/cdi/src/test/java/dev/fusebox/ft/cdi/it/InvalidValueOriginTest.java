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
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
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
     * The container prints the definition error inside its own deployment failure (Weld also lists
     * it in its message). Fusebox's errors carry no stack of their own (the message says what and
     * where) and no cause that repeats the message, so the error prints as its one line instead of
     * a ~100-frame bootstrap stack, and nothing of Fusebox's deployment code shows in the trace.
     */
    @Test
    void aDeploymentErrorIsPrintedAsItsMessageOnly() {
        Throwable failure = catchThrowable(() -> Container.start(Map.of("Retry/maxRetries", "abc"), Guarded.class).close());
        String message = "Invalid @Retry on " + BEAN + "#retried()";
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).as("printed trace").contains(message)
                .doesNotContain("at dev.fusebox.ft.cdi.config.", "at dev.fusebox.ft.cdi.FaultToleranceExtension");
        FaultToleranceDefinitionException error = failure(Map.of("Retry/maxRetries", "abc"), Guarded.class);
        StringWriter alone = new StringWriter();
        error.printStackTrace(new PrintWriter(alone));
        assertThat(alone.toString()).as("the definition error printed on its own").isEqualTo(error + System.lineSeparator());
    }

    private static FaultToleranceDefinitionException failure(Map<String, String> properties, Class<?>... beans) {
        return InvalidDefinitionTest.definitionError(properties, beans);
    }
}
