package dev.perfshell.repl.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        AtomicFiles.write(target, "{}\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(Files.readString(target)).isEqualTo("{}\n");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("out.json");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), true);
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void missingFolderOrAFolderTargetIsRefused() throws Exception {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("no/such/out.json"), new byte[0], true))
                .isInstanceOf(NoSuchFileException.class);
        Files.createDirectory(dir.resolve("folder.json"));
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("folder.json"), new byte[0], true))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(names()).containsExactly("folder.json");
    }

    @Test
    void resultsJsonWritesThroughIt() throws Exception {
        Path target = dir.resolve("results.json");
        ResultsJson.write(target, ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, ResultsJsonTest.fixedStore().all(), false);
        assertThat(Files.readString(target)).isEqualTo(
                ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, ResultsJsonTest.fixedStore().all()));
        assertThatThrownBy(() -> ResultsJson.write(target, ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, List.of(), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(names()).containsExactly("results.json");
    }

    @Test
    void theFileGetsOrdinaryPermissionsNotATemporaryFilesOwnerOnly() throws Exception {
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        Path target = dir.resolve("out.json");
        AtomicFiles.write(target, new byte[] {'x'}, false);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(ordinary));
        }
    }
}
