package dev.fusebox.ft.guard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.spi.GuardFactory;
import org.junit.jupiter.api.Test;

class GuardRulesTest {

    @Test
    void guardsArePlainJavaOverTheEnginesNoCdiNoConfig() {
        JavaClasses guard = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fusebox.ft.guard");
        assertThat(guard).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.fusebox.ft.api..",
                "dev.fusebox.ft.core..", "dev.fusebox.ft.guard..", "org.eclipse.microprofile.faulttolerance..")
                .check(guard);
    }

    @Test
    void theApiFindsThisImplementationThroughTheServiceLoader() {
        assertThat(GuardFactory.installed()).isInstanceOf(FuseboxGuardFactory.class);
        assertThat(Guard.builder("found")).isInstanceOf(GuardBuilder.class);
    }
}
