package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shell deserialises only the JDK types the engine protocol uses; everything else is refused. */
class ReplyFilterTest {
    /** Not a protocol type: stands for any class on the shell's class path. */
    record Gadget(String command) implements Serializable {}

    private static byte[] serialise(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object readFiltered(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(new ReplyFilter());
            return in.readObject();
        }
    }

    @Test
    void aReplyShapedLikeTheEnginesPassesIntact() throws Exception {
        HashMap<String, Object> reply = new HashMap<>();
        reply.put("perOpNanos", new double[] {1.5, 2.5});
        reply.put("ops", new long[] {10, 20});
        reply.put("note", "settled");
        reply.put("settled", Boolean.TRUE);
        reply.put("warmupRuns", 3);
        reply.put("rows", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", "fib", "calls", 7L)))));
        reply.put("events", List.of("cpu", "alloc"));
        reply.put("lines", new TreeMap<>(Map.of(1, 2.0f)));
        reply.put("frames", new StackTraceElement[] {new StackTraceElement("REPL.$JShell$11", "fib", "#1", 3)});
        reply.put("bytes", new byte[] {1, 2});
        reply.put("set", java.util.Set.of('x'));
        reply.put("many", List.of(1, 2, 3, 4));
        reply.put("empty", List.of());
        reply.put("map", Map.of("a", 1));
        reply.put("maps", Map.of("a", 1, "b", 2, "c", 3));
        reply.put("sets", java.util.Set.of(1, 2, 3));
        reply.put("listed", java.util.stream.Stream.of("x", "y").toList());
        reply.put("unique", new java.util.HashSet<>(List.of(1L, 2L)));

        Object read = readFiltered(serialise(reply));

        assertThat(read).usingRecursiveComparison().isEqualTo(reply);
    }

    @Test
    void aClassOutsideTheProtocolIsRefusedBeforeItIsCreated() throws Exception {
        byte[] bytes = serialise(new Gadget("rm -rf /"));
        assertThatThrownBy(() -> readFiltered(bytes))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void aJdkTypeTheProtocolDoesNotUseIsRefusedToo() throws Exception {
        // java.net.URL: a classic gadget (its hashCode resolves the host); javax.management: never in a reply
        assertThatThrownBy(() -> readFiltered(serialise(new URL("http://example.invalid/"))))
                .isInstanceOf(InvalidClassException.class);
        assertThatThrownBy(() -> readFiltered(serialise(new javax.management.ObjectName("perfshell:type=Gadget"))))
                .isInstanceOf(InvalidClassException.class);
        // a java.util type with a comparator-driven readObject, not one the engine sends
        PriorityQueue<String> queue = new PriorityQueue<>(List.of("a", "b"));
        assertThatThrownBy(() -> readFiltered(serialise(queue))).isInstanceOf(InvalidClassException.class);
    }

    @Test
    void aForbiddenClassNestedInAnAllowedMapIsRefused() throws Exception {
        HashMap<String, Object> reply = new HashMap<>();
        reply.put("ops", 3L);
        reply.put("hidden", new Gadget("calc"));
        assertThatThrownBy(() -> readFiltered(serialise(reply))).isInstanceOf(InvalidClassException.class);
    }

    @Test
    void aReplyNestedDeeperThanAnyProfileIsRefused() throws Exception {
        List<Object> nested = new ArrayList<>();
        for (int i = 0; i < ReplyFilter.MAX_DEPTH + 5; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(nested);
            nested = outer;
        }
        byte[] bytes = serialise(nested);
        assertThatThrownBy(() -> readFiltered(bytes)).isInstanceOf(InvalidClassException.class);
    }

    @Test
    void isAnAllowListNotADenyList() {
        assertThat(new ReplyFilter().checkInput(info(Gadget.class)))
                .isEqualTo(java.io.ObjectInputFilter.Status.REJECTED);
        assertThat(new ReplyFilter().checkInput(info(java.util.Date.class)))
                .isEqualTo(java.io.ObjectInputFilter.Status.REJECTED);
        assertThat(new ReplyFilter().checkInput(info(Long.class))).isEqualTo(java.io.ObjectInputFilter.Status.ALLOWED);
        assertThat(new ReplyFilter().checkInput(info(long[].class)))
                .isEqualTo(java.io.ObjectInputFilter.Status.ALLOWED);
    }

    private static java.io.ObjectInputFilter.FilterInfo info(Class<?> type) {
        return new java.io.ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return type;
            }

            @Override
            public long arrayLength() {
                return -1;
            }

            @Override
            public long depth() {
                return 1;
            }

            @Override
            public long references() {
                return 1;
            }

            @Override
            public long streamBytes() {
                return 100;
            }
        };
    }
}
