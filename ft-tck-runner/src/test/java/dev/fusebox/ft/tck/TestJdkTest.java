package dev.fusebox.ft.tck;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;

import org.testng.annotations.Test;

/**
 * The TCK runs on the JDK each surefire execution asks for: the JDK that runs Maven in
 * {@code default-test}, JDK 25 in {@code jdk25} (pom.xml sets {@value #EXPECTED} per execution).
 * Without this check a {@code -Dfusebox.jdk25.home} that points at another JDK would run the TCK
 * twice on that JDK and the build would still say the JDK 25 run passed. Not a TCK test: the
 * TCK counts ({@code tck-count}) leave it out.
 */
public class TestJdkTest {

    private static final String EXPECTED = "fusebox.test.java.feature";

    @Test
    public void runsOnTheJdkTheExecutionAskedFor() {
        String expected = System.getProperty(EXPECTED);
        assertNotNull(expected, "system property " + EXPECTED + ", set by the surefire execution");
        assertEquals(Runtime.version().feature(), Integer.parseInt(expected),
                "Java feature release of this test JVM (" + System.getProperty("java.version")
                        + ", java.home " + System.getProperty("java.home") + ")");
    }
}
