package dev.perfshell.repl;

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
}
