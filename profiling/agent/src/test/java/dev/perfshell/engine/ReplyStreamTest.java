package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyStreamTest {
    /**
     * Writes the same reply object three times, as three extension replies, and reads them back. An
     * object stream writes an object it has written before as a reference to it, and the reader returns
     * the object it kept: so the replies read back are one object exactly when both sides still hold it.
     */
    private static List<Object> readBack(boolean reset) throws IOException, ClassNotFoundException {
        ArrayList<Long> reply = new ArrayList<>(List.of(1L, 2L, 3L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReplyStream replies = new ReplyStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (int n = 0; n < 3; n++) {
                if (reset) replies.reset(); // as EngineAgent does before each extension command
                out.writeObject(replies.wrap(reply));
                out.flush();
            }
        }
        List<Object> read = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int n = 0; n < 3; n++) read.add(((ReplyStream.Envelope) in.readObject()).value());
        }
        return read;
    }

    @Test
    void withoutAResetBothSidesKeepEveryReply() throws Exception {
        List<Object> read = readBack(false);
        assertThat(read.get(1)).isSameAs(read.get(0));
        assertThat(read.get(2)).isSameAs(read.get(0));
    }

    @Test
    void aResetBeforeEachReplyMakesBothSidesForgetTheEarlierOnes() throws Exception {
        List<Object> read = readBack(true);
        assertThat(read).allSatisfy(value -> assertThat(value).isEqualTo(List.of(1L, 2L, 3L)));
        assertThat(read.get(1)).isNotSameAs(read.get(0));
        assertThat(read.get(2)).isNotSameAs(read.get(1));
    }

    @Test
    void aResetBeforeAnyReplyIsHarmless() throws IOException {
        new ReplyStream().reset();
        assertThat(new ReplyStream().wrap(List.of(1L)))
                .isInstanceOfSatisfying(
                        ReplyStream.Envelope.class,
                        envelope -> assertThat(envelope.value()).isEqualTo(List.of(1L)));
    }
}
