package dev.perfshell.repl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    @TempDir
    Path dir;

    @Test
    void aHomeThatCanBeCreatedHoldsTheHistory() {
        Path home = dir.resolve("new/home");
        HistoryFile history = HistoryFile.locate(Map.of("PERFSHELL_HOME", home.toString()), "/nowhere");
        assertThat(history.problem()).isNull();
        assertThat(history.file()).isEqualTo(home.resolve("history"));
        assertThat(home).isDirectory();
    }

    @Test
    void withoutPerfshellHomeTheUsersHomeIsUsed() {
        HistoryFile history = HistoryFile.locate(Map.of(), dir.toString());
        assertThat(history.file()).isEqualTo(dir.resolve(".perfshell/history"));
    }

    /** A path under a regular file cannot be created, not even by root (chmod does not stop root). */
    @Test
    void aHomeUnderARegularFileMeansNoHistoryAndOneLineSayingWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        HistoryFile history =
                HistoryFile.locate(Map.of("PERFSHELL_HOME", file.resolve("sub").toString()), "/nowhere");
        assertThat(history.file()).isNull();
        assertThat(history.path()).isEmpty();
        assertThat(history.problem())
                .startsWith("No history this session: cannot create " + file.resolve("sub"))
                .contains("Next: set PERFSHELL_HOME to a writable folder")
                .doesNotContain("\n");
    }

    @Test
    void aHomeThatIsAFileMeansNoHistory() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        HistoryFile history = HistoryFile.locate(Map.of("PERFSHELL_HOME", file.toString()), "/nowhere");
        assertThat(history.file()).isNull();
        assertThat(history.problem()).contains("a file is in the way");
    }
}
