package dev.perfshell.profiling.jit;

import static dev.perfshell.profiling.jit.JitEventReaderTest.fixture;
import static dev.perfshell.profiling.jit.JitEventReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jit.JitEvents.Compilation;
import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InliningTreeTest {
    private static final MethodRef A = new MethodRef("A", "a", "()V");
    private static final MethodRef B = new MethodRef("B", "b", "()V");
    private static final MethodRef C = new MethodRef("C", "c", "()V");
    private static final MethodRef D = new MethodRef("D", "d", "()V");

    private static Inlining decided(MethodRef caller, MethodRef callee, int bci, boolean inlined) {
        return new Inlining(7, caller, callee, bci, inlined, inlined ? "inline (hot)" : "too big");
    }

    @Test
    void aDecisionGoesUnderTheNearestOpenMethodItWasMadeIn() {
        // A calls B (inlined), B calls C (inlined) and D (refused), then A calls D (inlined)
        InliningTree tree = InliningTree.of(
                A,
                List.of(
                        decided(A, B, 1, true),
                        decided(B, C, 2, true),
                        decided(B, D, 5, false),
                        decided(A, D, 9, true)));
        assertThat(tree.children()).extracting(InliningTree::method).containsExactly(B, D);
        InliningTree b = tree.children().get(0);
        assertThat(b.children()).extracting(InliningTree::method).containsExactly(C, D);
        assertThat(b.children().get(1).inlined()).isFalse();
        assertThat(b.children().get(1).message()).isEqualTo("too big");
        assertThat(tree.size()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void pairInlinesItsRecordsConstructorChainAndAccessors(int jdk) throws Exception {
        JitEvents events = read(jdk);
        JitAnalysis analysis = new JitAnalysis(events);
        Compilation c2 = analysis.measured(fixture("pair", "(I)I")).orElseThrow();
        assertThat(c2.level()).isEqualTo(4);
        InliningTree tree = InliningTree.of(c2.method(), analysis.inliningsOf(c2.compileId()));
        assertThat(tree.children()).extracting(t -> t.method().name()).containsExactly("<init>", "x", "y");
        InliningTree constructor = tree.children().get(0);
        assertThat(constructor.children()).singleElement().satisfies(record -> {
            assertThat(record.method().owner()).isEqualTo("java.lang.Record");
            assertThat(record.children())
                    .singleElement()
                    .satisfies(object -> assertThat(object.method().owner()).isEqualTo("java.lang.Object"));
        });
    }
}
