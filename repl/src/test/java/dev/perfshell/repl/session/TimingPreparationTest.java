package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingPreparationTest {
    @Test
    void scriptsThatTimeAreRecognisedByTheirMagicLines(@TempDir Path dir) throws Exception {
        assertThat(TimingPreparation.timesAnything(write(dir, "a.jsh", "int x = 1;\n  %timeit -q x + 1\n"))).isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "b.jsh", "%%timeit\nx + 1\n"))).isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "c.jsh", "%compare a() ;; b()\n"))).isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "d.jsh", "%prun f()\n// %timeitx is no magic\n"))).isFalse();
        assertThat(TimingPreparation.timesAnything(write(dir, "e.jsh", "String s = \"%timeit\";\n"))).isFalse();
        assertThat(TimingPreparation.timesAnything(dir.resolve("missing.jsh"))).isFalse();
        assertThat(TimingPreparation.timesAnything(null)).isFalse();
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
