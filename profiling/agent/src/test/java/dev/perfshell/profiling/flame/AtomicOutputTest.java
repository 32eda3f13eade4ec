package dev.perfshell.profiling.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %flame --jfr FILE}: the recording replaces FILE only once complete; a failed profile leaves FILE as it was. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    private Stream<String> names() throws Exception {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void theProfilerWritesAHiddenFileBesideTheTargetWhichReplacesItOnCommit() throws Exception {
        Path target = Files.writeString(dir.resolve("profile.jfr"), "an earlier recording");
        AtomicOutput output = new AtomicOutput(target);
        assertThat(output.temporary().getParent())
                .isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(output.temporary().getFileName().toString())
                .matches("\\.profile\\.jfr\\.[0-9a-f]+\\.tmp")
                .doesNotContain(",");

        Files.writeString(output.temporary(), "half a recording");
        assertThat(Files.readString(target))
                .as("untouched while the profiler writes")
                .isEqualTo("an earlier recording");
        Files.writeString(output.temporary(), "the new recording");

        assertThat(output.commit()).isTrue();
        output.discard();
        assertThat(Files.readString(target)).isEqualTo("the new recording");
        assertThat(names()).containsExactly("profile.jfr");
    }

    @Test
    void aProfileThatFailsLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("profile.jfr"), "an earlier recording");
        AtomicOutput output = new AtomicOutput(target);
        Files.writeString(output.temporary(), "half a recording"); // then the profile threw: no commit
        output.discard();
        assertThat(Files.readString(target)).isEqualTo("an earlier recording");
        assertThat(names()).containsExactly("profile.jfr");
    }

    @Test
    void aProfilerThatWroteNothingCommitsNothing() throws Exception {
        AtomicOutput output = new AtomicOutput(dir.resolve("profile.jfr"));
        assertThat(output.commit()).isFalse();
        assertThat(names()).isEmpty();
    }
}
