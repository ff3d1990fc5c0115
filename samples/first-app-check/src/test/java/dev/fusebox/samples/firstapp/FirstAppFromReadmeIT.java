package dev.fusebox.samples.firstapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Does what the README's "Using it" tells a new user to do, in a brand-new Maven project outside
 * the reactor: its pom gets the README's dependency fragment, its sources the README's bean, main
 * class and {@code META-INF/beans.xml}; a separate Maven build compiles it and runs the main
 * class with the README's command ({@code mvn compile exec:java -Dexec.mainClass=app.Main}).
 * Fusebox's artifacts come from a repository under {@code target} (filled by
 * {@code invoker:install}); everything else is read, never written, from the shared local
 * repository (Maven's {@code maven.repo.local.tail}).
 */
class FirstAppFromReadmeIT {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final long BUILD_MINUTES = 5;

    @Test
    void readmeSnippetCompilesAndItsGuardedCallRetriesThenFallsBack() throws Exception {
        ReadmeSnippets readme = ReadmeSnippets.read(Path.of(property("first-app.readme")));
        String pomFragment = readme.block("pom");
        assertThat(pomFragment)
                .as("the README's dependency fragment names the versions of the parent pom")
                .contains("<version>" + property("first-app.fusebox-version") + "</version>")
                .contains("<version>" + property("first-app.weld-version") + "</version>")
                .contains("<version>" + property("first-app.smallrye-config-version") + "</version>");

        Path project = Path.of(property("first-app.directory"));
        String mainClass = writeProject(project, readme, pomFragment);
        List<String> output = build(project, mainClass);

        assertThat(output)
                .as("the fresh project's build output")
                .contains("attempt 1: price service down", "attempt 3: price service down")
                .contains("coffee: 9.99 (last known price, after 3 attempts)")
                .doesNotContain("attempt 4: price service down")
                .anyMatch(line -> line.contains("BUILD SUCCESS"));
        assertThat(mainClass).isEqualTo("app.Main");
    }

    /** Lays out the project; returns the main class's name. */
    private static String writeProject(Path project, ReadmeSnippets readme, String pomFragment)
            throws IOException {
        String pom;
        try (var template = FirstAppFromReadmeIT.class.getResourceAsStream("/first-app/pom.xml")) {
            pom = new String(template.readAllBytes(), StandardCharsets.UTF_8);
        }
        String mainSource = readme.block("main");
        String mainClass = javaName(mainSource);
        write(project.resolve("pom.xml"), pom.replace("README-FRAGMENT", pomFragment));
        write(project.resolve("src/main/resources/META-INF/beans.xml"), readme.block("beans.xml"));
        for (String source : List.of(readme.block("bean"), mainSource)) {
            String name = javaName(source);
            write(project.resolve("src/main/java").resolve(name.replace('.', '/') + ".java"), source);
        }
        return mainClass;
    }

    private static List<String> build(Path project, String mainClass) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(property("first-app.maven-home"), "bin", "mvn").toString(),
                "-B", "-ntp",
                "-Dmaven.repo.local=" + property("first-app.repository"),
                "-Dmaven.repo.local.tail=" + property("first-app.shared-repository"),
                "compile", "exec:java", "-Dexec.mainClass=" + mainClass));
        if (Boolean.parseBoolean(property("first-app.offline"))) {
            command.add(3, "-o");
        }
        Path log = project.resolve("build.log");
        Process maven = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            throw new AssertionError("the fresh project's build took over " + BUILD_MINUTES
                    + " minutes; its output is in " + log);
        }
        List<String> output = Files.readAllLines(log);
        if (maven.exitValue() != 0) {
            throw new AssertionError("the fresh project built from README.md failed (exit "
                    + maven.exitValue() + ", " + String.join(" ", command) + " in " + project
                    + "):\n" + String.join("\n", output));
        }
        return output;
    }

    private static String javaName(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher cls = PUBLIC_CLASS.matcher(source);
        if (!cls.find()) {
            throw new IllegalStateException("a README Java block declares no public class:\n" + source);
        }
        return pkg.find() ? pkg.group(1) + "." + cls.group(1) : cls.group(1);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name
                    + " is not set: run this test through Maven (failsafe sets it)");
        }
        return value;
    }
}
