package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.memory.MemitRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's replies for %memit and %env cross the link as JDK maps (Java serialization): each read back from its
 * wire form, after a real serialization, equals what the engine wrote.
 */
class EngineWireRoundTripTest {
    private static Map<?, ?> overTheWire(Object wire) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(wire);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Map<?, ?>) in.readObject();
        }
    }

    @Test
    void aMemitRun() throws Exception {
        MemitRun run = new MemitRun(
                3,
                10_485_760,
                14_680_064,
                4_000_016,
                true,
                -1_024,
                2,
                3_000_000,
                120_000_000,
                -1,
                true,
                List.of("-XX:-UseCompressedOops"));
        assertThat(MemitRun.fromWire(overTheWire(run.toWire()))).isEqualTo(run);
    }

    @Test
    void aMemitRunWithoutLayoutFlags() throws Exception {
        MemitRun run = new MemitRun(0, 0, 0, 0, false, 0, 0, 0, -1, -1, false, List.of());
        assertThat(MemitRun.fromWire(overTheWire(run.toWire()))).isEqualTo(run);
    }

    @Test
    void theEngineInfo() throws Exception {
        EngineInfo info = new EngineInfo(
                4242,
                "17.0.15",
                "Eclipse Adoptium",
                "/usr/lib/jvm/java-17",
                "OpenJDK 64-Bit Server VM 17.0.15+6",
                List.of("-Xmx1g", "-javaagent:/tmp/perfshell-engine.jar"),
                "/tmp/perfshell-engine.jar",
                1L << 30,
                2,
                "redefine=true retransform=true",
                "OpenJDK 64-Bit Server VM",
                "17.0.15+6",
                List.of("G1 Young Generation", "G1 Old Generation"),
                "Linux 6.1 amd64",
                null);
        assertThat(EngineInfo.fromWire(overTheWire(info.toWire()))).isEqualTo(info);
    }
}
