package dev.fusebox.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's dependency rules (STYLE.md, LAYOUT.md), checked on the main classes. */
class ArchitectureTest {

    private static JavaClasses console;

    @BeforeAll
    static void importClasses() {
        console = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.fusebox.console");
        assertThat(console).isNotEmpty();
    }

    /**
     * The fleet client's API (FleetConnection, FleetView, FleetOperator and their records) is allowed
     * for the fleet mode; Curator and ZooKeeper, which it wraps, are not (they come at run time only).
     * jakarta.json reads Prometheus's answers (Parsson, its implementation, comes at run time only).
     * The chaos experiment model ({@code dev.fusebox.samples.chaos.model}, module fusebox-chaos-model,
     * JDK only and kept so by its own ModelRulesTest) is allowed for the game-day mode: the console reads
     * the very files the experiment runner reads, with the same bounded parser, instead of a second
     * reading of the format. Nothing else of the samples (not the runner, not the fault injectors'
     * classes: they are reached over JMX by name).
     */
    @Test
    void theConsoleDependsOnTheManagementApiTheFleetClientJavaFxAndTheJdkOnly() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "javafx..",
                "dev.fusebox.ft.management..", "dev.fusebox.ft.fleet.client..", "com.sun.tools.attach..", "jdk..",
                "jakarta.json..", "dev.fusebox.samples.chaos.model", "dev.fusebox.console..").check(console);
    }

    /** Prometheus's JSON is read in the connection layer only (jakarta.json, Parsson at run time). */
    @Test
    void onlyTheConnectionLayerReadsJson() {
        noClasses().that().resideOutsideOfPackage("dev.fusebox.console.connect..").should().dependOnClassesThat()
                .resideInAPackage("jakarta.json..").check(console);
    }

    /** Only the connection layer talks to the ensemble; the screens see the operator port and feed records. */
    @Test
    void onlyTheConnectionLayerUsesTheFleetClient() {
        noClasses().that().resideOutsideOfPackages("dev.fusebox.console.connect..", "dev.fusebox.console.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.fusebox.ft.fleet.client..").check(console);
    }

    @Test
    void viewModelsHoldNoSceneGraphTypes() {
        noClasses().that().resideInAPackage("dev.fusebox.console.viewmodel..").should().dependOnClassesThat()
                .resideInAPackage("javafx.scene..").check(console);
    }

    @Test
    void feedOperatorAndConnectionsKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("dev.fusebox.console.feed..", "dev.fusebox.console.operator..",
                        "dev.fusebox.console.connect..").should().dependOnClassesThat().resideInAPackage("javafx..").check(console);
    }

    @Test
    void layersPointOneWay() {
        noClasses().that().resideInAnyPackage("dev.fusebox.console.feed..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.connect..", "dev.fusebox.console.viewmodel..",
                        "dev.fusebox.console.view..", "dev.fusebox.console.app..").check(console);
        noClasses().that().resideInAnyPackage("dev.fusebox.console.operator..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.connect..", "dev.fusebox.console.viewmodel..",
                        "dev.fusebox.console.view..", "dev.fusebox.console.app..").check(console);
        noClasses().that().resideInAnyPackage("dev.fusebox.console.connect..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.viewmodel..", "dev.fusebox.console.view..",
                        "dev.fusebox.console.app..").check(console);
        noClasses().that().resideInAnyPackage("dev.fusebox.console.viewmodel..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.view..", "dev.fusebox.console.app..").check(console);
        noClasses().that().resideInAnyPackage("dev.fusebox.console.view..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.app..").check(console);
    }

    /** The screens talk to view-models only: no JMX connection code behind a button's back. */
    @Test
    void viewsDoNotImportTheConnectionLayer() {
        noClasses().that().resideInAPackage("dev.fusebox.console.view..").should().dependOnClassesThat()
                .resideInAPackage("dev.fusebox.console.connect..").check(console);
    }

    /** View-models know the operator's vocabulary and the feed, not how JVMs are reached or drawn. */
    @Test
    void viewModelsDoNotImportTheConnectionLayerOrTheViews() {
        noClasses().that().resideInAPackage("dev.fusebox.console.viewmodel..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.fusebox.console.connect..", "dev.fusebox.console.view..").check(console);
    }

    @Test
    void theFxThreadIsEnteredOnlyByTheDispatcher() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.fusebox.console.view.UiDispatcher")
                .and().haveNameNotMatching("dev\\.fusebox\\.console\\.view\\.UiDispatcher\\$.*").should()
                .callMethod(Platform.class, "runLater", Runnable.class).orShould().accessClassesThat()
                .haveFullyQualifiedName("javafx.animation.AnimationTimer").check(console);
    }
}
