package dev.fusebox.ft.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rule of the CDI layer's interceptor: no class outside
 * {@code dev.fusebox.ft.cdi.interceptor} may use it, except the extension that wires it
 * ({@code dev.fusebox.ft.cdi}, the package of {@code FaultToleranceExtension}). Management and
 * everything else go through the port {@code dev.fusebox.ft.cdi.management}. Every module that
 * depends on the CDI layer checks it on everything its test class path holds of Fusebox (its own
 * main and test classes and the modules below it) with {@link #checkClassPath(Class)}, so an
 * offender fails the build of the module it is in. Stateless; thread-safe.
 */
public final class InterceptorSealedRule {

    /** The interceptor's package and its subpackages. */
    public static final String INTERCEPTOR = "dev.fusebox.ft.cdi.interceptor..";

    /** The rule itself, for checking any set of classes. */
    public static final ArchRule RULE = noClasses()
            .that().resideOutsideOfPackages(INTERCEPTOR, "dev.fusebox.ft.cdi")
            .should().dependOnClassesThat().resideInAPackage(INTERCEPTOR)
            .because("management and everything else use the port dev.fusebox.ft.cdi.management;"
                    + " only the CDI extension wires the interceptor");

    private InterceptorSealedRule() {
    }

    /** Only Fusebox's own class files: the rule is about them alone. */
    private static boolean isFusebox(com.tngtech.archunit.core.importer.Location location) {
        return location.contains("/dev/fusebox/");
    }

    /**
     * Checks the rule on every Fusebox class of the class path, main and test classes alike.
     *
     * @param ownClass a main class of the module checking, to make sure its code was imported
     * @throws AssertionError listing every offending dependency
     */
    public static void checkClassPath(Class<?> ownClass) {
        JavaClasses fusebox = new ClassFileImporter().withImportOption(InterceptorSealedRule::isFusebox)
                .importPackages("dev.fusebox");
        if (!fusebox.contain(ownClass) || !fusebox.contain("dev.fusebox.ft.cdi.interceptor.Chains")) {
            throw new AssertionError("the class path import missed " + ownClass.getName()
                    + " or the interceptor package; the rule would check nothing");
        }
        RULE.check(fusebox);
    }
}
