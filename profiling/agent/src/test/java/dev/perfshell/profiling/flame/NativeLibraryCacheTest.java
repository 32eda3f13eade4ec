package dev.perfshell.profiling.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLibraryCacheTest {
    @Test
    void oneFilePerContentReusedAndATamperedOneReplaced() throws Exception {
        byte[] bytes = ("not really a library " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Path first = NativeLibraryCache.place("libtest", bytes);
        try {
            assertThat(Files.readAllBytes(first)).isEqualTo(bytes);
            long written = Files.getLastModifiedTime(first).toMillis();
            Path again = NativeLibraryCache.place("libtest", bytes);
            assertThat(again).isEqualTo(first);
            assertThat(Files.getLastModifiedTime(again).toMillis()).isEqualTo(written);
            // Planted or truncated under the same name: replaced before anyone loads it.
            Files.writeString(first, "evil");
            assertThat(Files.readAllBytes(NativeLibraryCache.place("libtest", bytes)))
                    .isEqualTo(bytes);
            try (var files = Files.list(first.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith("libtest") && n.endsWith(".tmp"));
            }
        } finally {
            Files.deleteIfExists(first);
        }
    }
}
