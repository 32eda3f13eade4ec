package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResettingObjectOutputTest {
    /**
     * Sends the same class bytes in three commands as JShell does (a code, an object, a flush). A stream
     * writes an object it has written before as a reference, and the reader returns the one it kept: the
     * three read back are one array exactly when both sides still hold it.
     */
    private static List<byte[]> readBack(boolean resetting) throws Exception {
        byte[] classBytes = "class bytes".getBytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutputStream stream = new ObjectOutputStream(bytes);
        ObjectOutput out = resetting ? new ResettingObjectOutput(stream) : stream;
        for (int i = 0; i < 3; i++) {
            out.writeInt(i);
            out.writeObject(classBytes);
            out.flush();
        }
        out.close();
        List<byte[]> read = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < 3; i++) {
                assertThat(in.readInt()).isEqualTo(i);
                read.add((byte[]) in.readObject());
            }
        }
        return read;
    }

    @Test
    void jshellsOwnStreamKeepsEveryCommandsObjects() throws Exception {
        List<byte[]> read = readBack(false);
        assertThat(read.get(2)).isSameAs(read.get(0));
    }

    @Test
    void aResetAtEachFlushMakesBothSidesForgetTheEarlierCommands() throws Exception {
        List<byte[]> read = readBack(true);
        assertThat(read).allSatisfy(b -> assertThat(new String(b)).isEqualTo("class bytes"));
        assertThat(read.get(1)).isNotSameAs(read.get(0));
        assertThat(read.get(2)).isNotSameAs(read.get(1));
    }
}
