package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shell keeps a connection on the engine's port only when its first line is this launch's token. */
class LaunchTokenTest {
    /** The token as the engine receives it on its stdin. */
    private static String written(LaunchToken token) throws IOException {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        Process fake = new Process() {
            @Override
            public OutputStream getOutputStream() {
                return stdin;
            }

            @Override
            public java.io.InputStream getInputStream() {
                return java.io.InputStream.nullInputStream();
            }

            @Override
            public java.io.InputStream getErrorStream() {
                return java.io.InputStream.nullInputStream();
            }

            @Override
            public int waitFor() {
                return 0;
            }

            @Override
            public int exitValue() {
                return 0;
            }

            @Override
            public void destroy() {}
        };
        token.sendTo(fake);
        return stdin.toString(StandardCharsets.US_ASCII);
    }

    private static boolean accepts(LaunchToken token, String firstLine) throws IOException {
        return token.matches(new ByteArrayInputStream(firstLine.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theEngineGetsOneLineOfHexAndEchoingItIsAccepted() throws Exception {
        LaunchToken token = LaunchToken.create();
        String line = written(token);
        assertThat(line).matches("[0-9a-f]{64}\n");
        assertThat(accepts(token, line + "rest of the stream")).isTrue();
    }

    @Test
    void anythingElseIsRefused() throws Exception {
        LaunchToken token = LaunchToken.create();
        String line = written(token).strip();
        assertThat(accepts(token, "")).isFalse();
        assertThat(accepts(token, "\n")).isFalse();
        assertThat(accepts(token, line.substring(1) + "\n")).isFalse();
        assertThat(accepts(token, line + "0\n")).isFalse();
        assertThat(accepts(token, line))
                .as("the stream ended before the newline")
                .isFalse();
        assertThat(accepts(token, written(LaunchToken.create())))
                .as("another launch's token")
                .isFalse();
        assertThat(accepts(token, "GET / HTTP/1.1\r\n")).isFalse();
    }

    @Test
    void eachLaunchGetsItsOwnToken() throws Exception {
        assertThat(written(LaunchToken.create())).isNotEqualTo(written(LaunchToken.create()));
        assertThat(LaunchToken.create().toString()).doesNotContainPattern("[0-9a-f]{16}");
    }
}
