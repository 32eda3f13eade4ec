package dev.perfshell.profiling.jit;

import static dev.perfshell.profiling.jit.JitEventReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jit.JitEvents.AllocationSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytecode lengths and new sites, checked against javap's listing of the fixture's methods. */
class BytecodeFactsTest {
    static byte[] fixtureBytes(String internalName) {
        return JitRecording.resourceBytes(BytecodeFactsTest.class.getClassLoader(), internalName);
    }

    private static final byte[] PROGRAM = fixtureBytes(JitEventReaderTest.FIXTURE.replace('.', '/'));

    /** The line of {@code text} in the fixture's source, 1-based. */
    static int sourceLine(String text) throws Exception {
        List<String> lines =
                Files.readAllLines(Path.of("src/test/java/dev/perfshell/profiling/jit/JitFixtureProgram.java"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    @Test
    void pairIs22BytesOfBytecode() {
        // javap -c: new(3) dup iload_0 iload_0 iconst_1 iadd invokespecial(3) astore_1 aload_1 invokevirtual(3)
        // aload_1 invokevirtual(3) iadd ireturn: the last instruction at offset 21
        assertThat(BytecodeFacts.length(PROGRAM, "pair", "(I)I")).hasValue(22);
        assertThat(BytecodeFacts.length(PROGRAM, "pair", "(J)J")).isEmpty();
    }

    @Test
    void theNewSitesOfAMethodWithTheirLines() throws Exception {
        assertThat(BytecodeFacts.allocations(PROGRAM, fixture("pair", "(I)I")))
                .containsExactly(new AllocationSite(
                        fixture("pair", "(I)I"),
                        JitEventReaderTest.FIXTURE + "$P",
                        sourceLine("P p = new P(x, x + 1);")));
        assertThat(BytecodeFacts.allocations(PROGRAM, fixture("fib", "(I)I"))).isEmpty();
    }

    @Test
    void arraysAreNewSitesToo() throws Exception {
        assertThat(BytecodeFacts.allocations(PROGRAM, fixture("main", "([Ljava/lang/String;)V")))
                .extracting(AllocationSite::type)
                .contains("int[]", JitEventReaderTest.FIXTURE + "$Shape[]", "java.util.HashMap");
    }
}
