package dev.perfshell.profiling.jol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** %sizeof's reply crosses the engine link as a JDK map: read back after a real serialization, it is the same. */
class FootprintWireTest {
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
    void aFootprintWithItsLayout() throws Exception {
        Footprint footprint = new Footprint(
                "java.util.ArrayList",
                20_976,
                1_002,
                List.of(
                        new Footprint.Row("java.lang.Integer", 1_000, 16_000),
                        new Footprint.Row("java.lang.Object[]", 1, 4_952),
                        new Footprint.Row("java.util.ArrayList", 1, 24)),
                "java.util.ArrayList object internals: ...");
        assertThat(Footprint.fromWire(overTheWire(footprint.toWire()))).isEqualTo(footprint);
    }

    @Test
    void theFootprintOfNull() throws Exception {
        assertThat(Footprint.fromWire(overTheWire(Footprint.ofNull().toWire()))).isEqualTo(Footprint.ofNull());
    }
}
