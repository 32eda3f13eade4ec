package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionClassFilesTest {
    private final SessionClassFiles files = new SessionClassFiles();

    @Test
    void eachClassIsSentOnceUntilItIsRedefined() {
        files.record("REPL.$JShell$3", new byte[] {1});
        files.record("REPL.$JShell$4", new byte[] {2});
        assertThat(files.unsent()).containsOnlyKeys("REPL.$JShell$3", "REPL.$JShell$4");
        assertThat(files.unsent()).isEmpty();

        files.record("REPL.$JShell$3", new byte[] {3}); // redefined: the new bytes go again
        java.util.Map<String, byte[]> again = files.unsent();
        assertThat(again).containsOnlyKeys("REPL.$JShell$3");
        assertThat(again.get("REPL.$JShell$3")).containsExactly(3);
    }

    @Test
    void forgettingASnippetDropsItsWrapperAndItsNestedClassesOnly() {
        files.record("REPL.$JShell$3", new byte[] {1});
        files.record("REPL.$JShell$3$PerfshellTimed7", new byte[] {2});
        files.record("REPL.$JShell$31", new byte[] {3});
        files.forget("REPL.$JShell$3");
        assertThat(files.size()).isEqualTo(1);
        assertThat(files.unsent()).containsOnlyKeys("REPL.$JShell$31");
    }

    @Test
    void aForgottenNameDefinedAgainIsSentAgain() {
        files.record("REPL.$JShell$5", new byte[] {1});
        files.unsent();
        files.forget("REPL.$JShell$5");
        files.record("REPL.$JShell$5", new byte[] {2});
        assertThat(files.unsent()).containsOnlyKeys("REPL.$JShell$5");
    }
}
