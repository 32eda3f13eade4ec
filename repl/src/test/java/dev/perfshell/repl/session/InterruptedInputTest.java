package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.EngineSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Ctrl-C that comes while no user code runs yet (a magic still weaving, compiling or starting JFR) is not
 * lost: the user code the input would still start is refused as stopped, in a snippet and in an engine
 * command, and the next input runs normally.
 */
class InterruptedInputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final Session session = Session.start(
            new EngineSpec(List.of(), null, List.of(), false, List.of(), false),
            new EngineIo(new ByteArrayInputStream(new byte[0]), print, print));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aCtrlCWhileTheEngineStillStartsIsKept() {
        session.beginInput();
        session.interrupt(); // the engine JVM is still starting
        assertThat(session.eval("System.out.println(\"refused\")").stopped()).isTrue();
        session.beginInput();
        assertThat(session.eval("System.out.println(\"next\")").stopped()).isFalse();
        print.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("next").doesNotContain("refused");
    }

    /** The flag's clearing travels with the commands: a next input that follows at once is never refused. */
    @Test
    void inputsRightAfterACtrlCAreNeverRefused() {
        for (int i = 0; i < 20; i++) {
            session.beginInput();
            session.interrupt();
            session.beginInput();
            assertThat(session.eval("System.out.println(\"after " + i + "\")").stopped())
                    .as("input %d", i)
                    .isFalse();
        }
    }

    /**
     * Ctrl-C's channel to the engine is not its standard input: a process the snippet starts with the engine's
     * stdin reads end of input at once (and could not swallow Ctrl-C's requests).
     */
    @Test
    void aProcessTheSnippetStartsReadsEndOfInput() {
        session.beginInput();
        session.eval(
                "System.out.println(\"cat ended: \" + new ProcessBuilder(\"cat\").redirectInput(ProcessBuilder.Redirect.INHERIT)"
                        + ".start().waitFor(20, java.util.concurrent.TimeUnit.SECONDS))");
        print.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cat ended: true");
    }

    @Test
    void userCodeAfterACtrlCInTheSameInputIsRefusedAndTheNextInputRuns() throws Exception {
        session.beginInput();
        assertThat(session.eval("System.out.println(\"first\")").stopped()).isFalse();

        session.beginInput();
        session.interrupt(); // nothing runs: a magic is still preparing
        EvalOutcome refused = session.eval("System.out.println(\"refused\")");
        assertThat(refused.stopped()).isTrue();
        assertThatThrownBy(() -> session.request(EngineRequest.blackholeCheck()))
                .isInstanceOf(EngineException.class);
        assertThat(session.engine().wasStopped())
                .as("a command's user code is refused as stopped")
                .isTrue();
        assertThat(session.request(EngineRequest.info()))
                .as("commands that run no user code still answer")
                .isNotNull();

        EvalOutcome declared = session.eval("class Declared {}");
        assertThat(declared.stopped())
                .as("a declaration runs no code: it is kept, and replayed")
                .isFalse();

        session.beginInput();
        assertThat(session.eval("System.out.println(\"next\")").stopped()).isFalse();
        assertThat(session.request(EngineRequest.blackholeCheck())).isNotNull();
        assertThat(session.engine().wasStopped()).isFalse();
        print.flush();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("first")
                .contains("next")
                .doesNotContain("refused");
    }
}
