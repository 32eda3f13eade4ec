package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine halts as soon as its command stream ends with the shell gone, and waits out a shell that is closing. */
class CommandStreamTest {
    private final AtomicInteger halts = new AtomicInteger();

    private static ProcessHandle deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.toHandle();
    }

    @Test
    void commandsPassThroughUntouched() throws Exception {
        CommandStream in = new CommandStream(
                new ByteArrayInputStream(new byte[] {1, 2, 3, 4}),
                ProcessHandle.current(),
                Duration.ofSeconds(1),
                halts::incrementAndGet);
        assertThat(in.read()).isEqualTo(1);
        byte[] rest = new byte[8];
        assertThat(in.read(rest, 0, 8)).isEqualTo(3);
        assertThat(halts).hasValue(0);
    }

    @Test
    void theEndOfTheStreamWithTheShellGoneHaltsAtOnce() throws Exception {
        CommandStream in = new CommandStream(
                new ByteArrayInputStream(new byte[] {7}),
                deadProcess(),
                Duration.ofMinutes(10),
                halts::incrementAndGet);
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(1);
        assertThat(in.read()).isEqualTo(-1); // would wait ten minutes if it waited for a live shell
        assertThat(halts).hasValue(1);
        in.read();
        assertThat(halts).as("halts once").hasValue(1);
    }

    @Test
    void aConnectionResetHaltsToo() throws Exception {
        InputStream reset = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new java.net.SocketException("Connection reset");
            }
        };
        CommandStream in = new CommandStream(reset, deadProcess(), Duration.ofMinutes(10), halts::incrementAndGet);
        assertThatThrownBy(in::read).hasMessage("Connection reset");
        assertThat(halts).hasValue(1);
    }

    @Test
    void aShellThatIsStillAliveGetsTheGraceToEndTheEngineWithItsCloseCommand() throws Exception {
        CommandStream in = new CommandStream(
                InputStream.nullInputStream(), ProcessHandle.current(), Duration.ofMillis(300), halts::incrementAndGet);
        long start = System.nanoTime();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(halts)
                .as("then halts anyway: nobody can talk to it any more")
                .hasValue(1);
    }
}
