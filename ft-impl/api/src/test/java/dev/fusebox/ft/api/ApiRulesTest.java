package dev.fusebox.ft.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

    @Test
    void dependsOnTheJdkAndTheMicroProfileFaultToleranceApiAlone() {
        JavaClasses api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fusebox.ft.api");
        assertThat(api).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..",
                "org.eclipse.microprofile.faulttolerance..", "dev.fusebox.ft.api..").check(api);
    }
}
