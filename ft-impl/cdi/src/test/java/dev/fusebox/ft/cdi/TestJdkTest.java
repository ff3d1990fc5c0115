package dev.fusebox.ft.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The module's tests run on the JDK each surefire execution asks for: the JDK that runs Maven in
 * {@code default-test}, JDK 25 in {@code jdk25} (pom.xml sets {@value #EXPECTED} per execution).
 * Without this check a {@code -Dfusebox.jdk25.home} that points at another JDK would run every
 * test twice on that JDK and the build would still say the JDK 25 run passed.
 */
class TestJdkTest {

    private static final String EXPECTED = "fusebox.test.java.feature";

    @Test
    void runsOnTheJdkTheExecutionAskedFor() {
        String expected = System.getProperty(EXPECTED);
        assertThat(expected).as("system property %s, set by the surefire execution", EXPECTED).isNotBlank();
        assertThat(Runtime.version().feature())
                .as("Java feature release of this test JVM (%s, java.home %s)",
                        System.getProperty("java.version"), System.getProperty("java.home"))
                .isEqualTo(Integer.parseInt(expected));
    }
}
