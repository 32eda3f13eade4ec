package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Object sizes depend on the engine's layout flags, and %memit says so when they are not the default. */
class MemitLayoutTest {

    @Test
    void withoutCompressedClassPointersAnArrayHeaderIsLarger(@TempDir Path dir) throws Exception {
        ScriptRun run =
                ScriptRun.file(dir, "%memit new byte[1024]\n", List.of("-R", "-XX:-UseCompressedClassPointers"));
        assertThat(run.exitCode).as(run.toString()).isZero();
        // the array header grows from 16 to 24 bytes (jshell-engine.md Q8: 1,048 B measured)
        assertThat(run.lines()).as(run.toString()).anyMatch(line -> line.startsWith("per operation: 1,048 B/op "));
        assertThat(run.lines())
                .as(run.toString())
                .contains("object layout: -XX:-UseCompressedClassPointers (byte counts differ from a default JVM's)");
    }
}
