package dev.perfshell.repl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of perfshell's depends on itself through others: a newcomer can read the packages bottom-up
 * (io, script, engine, session, the features, render, magic, shell), and a change in one cannot reach
 * back into its callers. The shell module's classes and the timing and engine modules it runs with are
 * all on this test's class path.
 */
class PackageCyclesTest {
    private static final JavaClasses PERFSHELL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.perfshell");

    @Test
    void everyModulesClassesAreImported() {
        assertThat(PERFSHELL.containPackage("dev.perfshell.repl.magic")).isTrue();
        assertThat(PERFSHELL.containPackage("dev.perfshell.timing")).isTrue();
        assertThat(PERFSHELL.containPackage("dev.perfshell.engine")).isTrue();
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.perfshell.(**)").should().beFreeOfCycles().check(PERFSHELL);
    }

    /**
     * The results store and its exports know the common record and each magic's details only through
     * {@code ResultRecord.Details}: a new magic adds its figures without the export schema's code changing.
     */
    @Test
    void resultsKnowNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.perfshell.repl.results..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.perfshell.repl.timeit..",
                        "dev.perfshell.repl.memory..",
                        "dev.perfshell.repl.profile..",
                        "dev.perfshell.repl.lines..",
                        "dev.perfshell.repl.flame..",
                        "dev.perfshell.repl.jmh..",
                        "dev.perfshell.repl.compare..",
                        "dev.perfshell.repl.magic..",
                        "dev.perfshell.repl.render..",
                        "dev.perfshell.repl.shell..",
                        "dev.perfshell.repl.session..")
                .check(PERFSHELL);
    }
}
