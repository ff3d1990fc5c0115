package dev.fusebox.samples.chaos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The experiment model, its parser and the analysis depend on the JDK alone (no JFreeChart, no
 * HdrHistogram, no HTTP, no JMX), so that another tool, such as a console's game-day mode, can read
 * the same files and judge the same figures; the model does not know the analysis.
 */
class ModelRulesTest {

    private static final String MODEL = "dev.fusebox.samples.chaos.model..";
    private static final String ANALYSIS = "dev.fusebox.samples.chaos.analysis..";

    @Test
    void theModelAndTheAnalysisDependOnTheJdkAlone() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fusebox.samples.chaos.model", "dev.fusebox.samples.chaos.analysis");
        assertThat(classes).hasSizeGreaterThan(15);
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java.lang..", "java.util..", "java.io..",
                "java.nio..", "java.time..", MODEL, ANALYSIS).check(classes);
        noClasses().that().resideInAPackage(MODEL).should().dependOnClassesThat().resideInAPackage(ANALYSIS)
                .check(classes);
    }
}
