package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true}
 * (from the repl module folder) to rewrite them from the actual output, then review the diff.
 */
public final class Golden {
    private Golden() {}

    public static void assertMatches(String name, List<String> actualLines) {
        String actual = String.join("\n", actualLines) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path file = Path.of("src/test/resources/golden", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream stream = Golden.class.getResourceAsStream("/golden/" + name)) {
            assertThat(stream)
                    .as("golden file golden/%s (create it with -Dgolden.update=true)", name)
                    .isNotNull();
            String expected = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("golden/%s", name).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
