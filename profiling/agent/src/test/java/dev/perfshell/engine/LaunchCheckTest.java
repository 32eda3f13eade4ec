package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine runs only under the shell that launched it: the named parent, and the token on its stdin. */
class LaunchCheckTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private final ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();

    @Test
    void theNamedParentPasses() throws Exception {
        assertThat(LaunchCheck.verifyParent(Long.toString(parent.pid()), Optional.of(parent)))
                .isEqualTo(parent);
    }

    @Test
    void startedByHandWithoutTheShellsPidIsRefused() {
        assertThatThrownBy(() -> LaunchCheck.verifyParent(null, Optional.of(parent)))
                .isInstanceOf(LaunchCheck.Refused.class)
                .hasMessageContaining("not by hand");
        assertThatThrownBy(() -> LaunchCheck.verifyParent(" ", Optional.of(parent)))
                .isInstanceOf(LaunchCheck.Refused.class);
        assertThatThrownBy(() -> LaunchCheck.verifyParent("shell", Optional.of(parent)))
                .isInstanceOf(LaunchCheck.Refused.class)
                .hasMessageContaining("not a process id");
    }

    @Test
    void aPidThatIsNotTheParentIsRefused() {
        long other = ProcessHandle.current().pid();
        assertThatThrownBy(() -> LaunchCheck.verifyParent(Long.toString(other), Optional.of(parent)))
                .isInstanceOf(LaunchCheck.Refused.class)
                .hasMessage("the parent process is " + parent.pid() + ", not the shell " + other
                        + " that -Dperfshell.shell.pid names");
        assertThatThrownBy(() -> LaunchCheck.verifyParent(Long.toString(parent.pid()), Optional.empty()))
                .isInstanceOf(LaunchCheck.Refused.class)
                .hasMessageContaining("no parent");
    }

    @Test
    void theTokenIsTheFirstLineOfStandardInput() throws Exception {
        String stdin = TOKEN + "\nignored";
        assertThat(LaunchCheck.readToken(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)), 5))
                .isEqualTo(TOKEN);
    }

    @Test
    void noTokenOrNotATokenIsRefused() {
        for (String stdin : new String[] {
            "", "\n", "hello\n", TOKEN.substring(0, 31) + "\n", TOKEN.toUpperCase() + "\n", TOKEN.repeat(3) + "\n"
        }) {
            assertThatThrownBy(() -> LaunchCheck.readToken(
                            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)), 5))
                    .as("stdin %s", stdin)
                    .isInstanceOf(LaunchCheck.Refused.class)
                    .hasMessageContaining("launch token");
        }
    }

    @Test
    void aTerminalThatNeverTypesATokenIsRefusedAfterTheWait() throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream();
                PipedInputStream stdin = new PipedInputStream(keyboard)) {
            assertThatThrownBy(() -> LaunchCheck.readToken(stdin, 1))
                    .isInstanceOf(LaunchCheck.Refused.class)
                    .hasMessageContaining("within 1 s");
        }
    }
}
