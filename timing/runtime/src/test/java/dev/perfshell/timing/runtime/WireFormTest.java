package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records on the engine link: written as JDK maps by component name, read back equal after a real serialization. */
class WireFormTest {
    enum Colour {
        RED,
        BLUE
    }

    record Leaf(String name, long count) {}

    record Tree(
            int small,
            long big,
            double ratio,
            boolean flag,
            Boolean maybe,
            String text,
            Colour colour,
            Leaf leaf,
            List<Leaf> leaves,
            List<String> names,
            Map<String, Long> totals) {}

    private static Object overTheWire(Object wire) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(wire);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static final Tree FULL = new Tree(
            3,
            5_000_000_000L,
            0.25,
            true,
            false,
            "hello",
            Colour.BLUE,
            new Leaf("a", 1),
            List.of(new Leaf("b", 2), new Leaf("c", 3)),
            List.of("x", "y"),
            Map.of("k", 7L));

    @Test
    void everyKindOfComponentComesBackEqual() throws Exception {
        Map<?, ?> wire = (Map<?, ?>) overTheWire(WireForm.write(FULL));
        assertThat(WireForm.read(Tree.class, wire)).isEqualTo(FULL);
    }

    @Test
    void theWireFormHoldsOnlyJdkTypesUnderTheComponentNames() {
        HashMap<String, Object> wire = WireForm.write(FULL);
        assertThat(wire)
                .containsEntry("small", 3)
                .containsEntry("big", 5_000_000_000L)
                .containsEntry("colour", "BLUE")
                .containsEntry("leaf", Map.of("name", "a", "count", 1L))
                .containsEntry("names", List.of("x", "y"));
        assertThat(wire.get("leaves")).isInstanceOf(java.util.ArrayList.class);
        assertThat(((List<?>) wire.get("leaves")).get(1)).isEqualTo(Map.of("name", "c", "count", 3L));
    }

    @Test
    void nullComponentsAreLeftOutAndMissingOnesReadAsEmpty() {
        Tree sparse = new Tree(0, 0, 0, false, null, null, null, null, List.of(), List.of(), Map.of());
        HashMap<String, Object> wire = WireForm.write(sparse);
        assertThat(wire).doesNotContainKeys("maybe", "text", "colour", "leaf");
        assertThat(WireForm.read(Tree.class, new HashMap<>())).isEqualTo(sparse);
    }

    @Test
    void numbersAreReadAsTheComponentsTypeWhateverBoxCarriedThem() {
        Tree read = WireForm.read(Tree.class, Map.of("small", 4L, "big", 9, "ratio", 1L));
        assertThat(read.small()).isEqualTo(4);
        assertThat(read.big()).isEqualTo(9L);
        assertThat(read.ratio()).isEqualTo(1.0);
    }

    @Test
    void anUnknownEnumNameIsAnError() {
        assertThatThrownBy(() -> WireForm.read(Tree.class, Map.of("colour", "GREEN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GREEN");
    }
}
