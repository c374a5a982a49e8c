package org.backdrop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.backdrop");
    }

    @Test
    void onlyUiUsesJavaFx() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("org.backdrop.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the core and the command line must run headless, without JavaFX");
        rule.check(productionClasses);
    }

    @Test
    void onlyCliWritesToStandardOutput() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("org.backdrop.cli..")
                .should().accessField(System.class, "out")
                .because("standard output carries only a command's JSON document; logs go to standard error");
        rule.check(productionClasses);
    }

    @Test
    void cliDoesNotUseUi() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("org.backdrop.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.backdrop.ui..")
                .because("the command line opens the studio only through StudioOpener");
        rule.check(productionClasses);
    }

    @Test
    void curationAndStoreServeBothFaces() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("org.backdrop.curate..", "org.backdrop.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backdrop.ui..", "org.backdrop.cli..")
                .because("the studio and the command line share review state, filters and the project store");
        rule.check(productionClasses);
    }

    @Test
    void onlyTheSparkEngineUsesSpark() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("org.backdrop.engine.spark..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..",
                        "org.backdrop.engine.spark..").and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.apache.spark.launcher.."))))
                .because("the default build compiles without Spark and without src/spark/java; only that source root may use"
                        + " Spark, and other code reaches it through org.backdrop.engine.Engines by name");
        rule.check(productionClasses);
    }

    @Test
    void onlyTheLaunchPackageUsesSparkLauncher() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages("org.backdrop.engine.launch..", "org.backdrop.engine.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark.launcher..")
                .because("the default build carries Spark's launcher library for submitting commands, and one package wraps it");
        rule.check(productionClasses);
    }
}
