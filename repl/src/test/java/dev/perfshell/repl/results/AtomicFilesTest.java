package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        ResultsJson.write(
                target,
                ResultsJsonTest.TOOL,
                ResultsJsonTest.ENVIRONMENT,
                ResultsJsonTest.fixedStore().all(),
                false);
        assertThat(Files.readString(target))
                .isEqualTo(ResultsJson.render(
                        ResultsJsonTest.TOOL,
                        ResultsJsonTest.ENVIRONMENT,
                        ResultsJsonTest.fixedStore().all()));
        assertThatThrownBy(() ->
                        ResultsJson.write(target, ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, List.of(), false))
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

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(
                        target,
                        channel -> {
                            channel.write(
                                    java.nio.ByteBuffer.wrap("half of the new ".getBytes(StandardCharsets.UTF_8)));
                            throw new java.io.IOException("No space left on device");
                        },
                        true))
                .hasMessage("No space left on device");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void contentThatThrowsAnUncheckedExceptionLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("stacks.collapsed");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(
                        target,
                        channel -> {
                            channel.write(java.nio.ByteBuffer.wrap("main;fib ".getBytes(StandardCharsets.UTF_8)));
                            throw new IllegalStateException("renderer bug");
                        },
                        true))
                .hasMessage("renderer bug");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("stacks.collapsed");
    }

    /** The last step fails: the rename cannot replace what took the target's name meanwhile (a non-empty folder). */
    @Test
    void aRenameThatFailsLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.json");
        assertThatThrownBy(() -> AtomicFiles.write(
                        target,
                        channel -> {
                            channel.write(java.nio.ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)));
                            Files.writeString(Files.createDirectory(target).resolve("inside"), "kept");
                        },
                        true))
                .isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("kept");
        assertThat(names()).containsExactly("out.json");
    }

    @Test
    void aFolderThatBecameReadOnlyLeavesTheOldFileUntouched() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        dir.toFile().setWritable(false, false);
        try {
            // root writes anywhere: then there is no failure to test
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    Files.isWritable(dir), "running as root: folder permissions do not apply");
            assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), true))
                    .isInstanceOf(java.nio.file.AccessDeniedException.class);
            assertThat(Files.readString(target)).isEqualTo("old");
            assertThat(names()).containsExactly("out.csv");
        } finally {
            dir.toFile().setWritable(true, false);
        }
    }

    /** A real crash: a JVM killed with SIGKILL while it streams into the temporary file. */
    @Test
    void aProcessKilledMidWriteLeavesTheOldFile() throws Exception {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "old results");
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        testClassPath(),
                        AtomicWriteCrash.class.getName(),
                        target.toString())
                .redirectErrorStream(true)
                .start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (temporaryBytes() < 3 << 20) {
                if (!writer.isAlive())
                    throw new AssertionError("the writer died early: "
                            + new String(writer.getInputStream().readAllBytes()));
                if (System.nanoTime() > deadline) throw new AssertionError("the writer never wrote 3 MiB: " + names());
                Thread.sleep(20);
            }
            assertThat(Files.readString(target)).isEqualTo("old results"); // mid-write: untouched
        } finally {
            writer.destroyForcibly(); // SIGKILL on Unix: no finally block of the writer runs
            writer.waitFor();
        }
        assertThat(Files.readString(target)).isEqualTo("old results");
        // What a crash leaves besides: at most the hidden temporary file, never a half target.
        assertThat(names()).allMatch(n -> n.equals("results.json") || n.matches("\\.results\\.json\\.[0-9a-f]+\\.tmp"));
    }

    /** Surefire's own class path is a manifest-only jar; it names the real one in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private long temporaryBytes() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
