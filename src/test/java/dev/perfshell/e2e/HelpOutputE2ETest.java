package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help and usage errors are clean: usage text only, no library warnings. */
class HelpOutputE2ETest {
    @TempDir
    Path home;

    @Test
    void helpWritesNothingToStderr() throws Exception {
        Result r = Perfshell.run(home, null, "--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).as(r.toString()).isEmpty();
        // Descriptions that mention magics keep their '%'.
        assertThat(r.stdout()).as(r.toString()).contains("%magics").contains("%env");
    }

    @Test
    void usageErrorsCarryNoLibraryWarnings() throws Exception {
        // One line naming the mistake and where the options are, not picocli's usage.
        Result r = Perfshell.run(home, null, "--bogus");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr())
                .as(r.toString())
                .doesNotContain("WARN")
                .isEqualTo("perfshell: Unknown option: '--bogus'. Next: perfshell --help lists the options.\n");
    }
}
