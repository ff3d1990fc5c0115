package dev.fusebox.ft.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The engines are plain Java: they must not refer to CDI, MicroProfile or the CDI layer. */
class LayerRulesTest {

    private static final JavaClasses ENGINES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fusebox.ft.core");

    static final ArchRule ENGINES_ARE_PLAIN_JAVA = noClasses().that().resideInAPackage("dev.fusebox.ft.core..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.enterprise..", "javax.inject..",
                    "javax.interceptor..", "org.eclipse.microprofile..", "dev.fusebox.ft.cdi..")
            .because("engines know nothing of CDI or MicroProfile; the CDI layer adapts them");

    @Test
    void enginesDependOnNoCdiNorMicroProfile() {
        ENGINES_ARE_PLAIN_JAVA.check(ENGINES);
    }

    @Test
    void theRuleCatchesAnEngineThatRefersToAJakartaType() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINES_ARE_PLAIN_JAVA.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.fusebox.archtest.ContainerType");
    }

    /** An engine-package class that breaks the rule (test sources only). */
    static final class Offender {
        final jakarta.fusebox.archtest.ContainerType container = new jakarta.fusebox.archtest.ContainerType();
    }
}
