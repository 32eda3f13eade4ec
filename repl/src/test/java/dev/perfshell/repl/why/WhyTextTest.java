package dev.perfshell.repl.why;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import dev.perfshell.profiling.jit.JitFinding;
import dev.perfshell.profiling.jit.JitFinding.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** %why's words for each kind of finding, from hand-made findings. */
class WhyTextTest {
    private static final WhyText TEXT = new WhyText(new JitNames());
    private static final MethodRef TOTAL = new MethodRef("REPL.$JShell$14", "total", "([LREPL/$JShell$11$Shape;)D");
    private static final MethodRef AREA = new MethodRef("REPL.$JShell$11$Shape", "area", "()D");
    private static final MethodRef SNIPPET = new MethodRef(
            "REPL.$JShell$20$PerfshellTimed3", "perfshell$payload", "(Lorg/openjdk/jmh/infra/Blackhole;)V");
    private static final MethodRef MERGE = new MethodRef(
            "java.util.HashMap",
            "merge",
            "(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;");

    private static WhyFinding of(
            Kind kind,
            MethodRef method,
            MethodRef callee,
            String reason,
            int count,
            int line,
            List<String> receivers,
            long size,
            long limit) {
        return TEXT.of(new JitFinding(kind, method, callee, reason, count, line, receivers, size, limit));
    }

    @Test
    void aMegamorphicCallNamesItsReceiversAndTheWayOut() {
        WhyFinding f = of(Kind.MEGAMORPHIC, TOTAL, AREA, "virtual call", 1, -1, List.of("Sq", "Circ", "Tri"), -1, -1);
        assertThat(f.line())
                .isEqualTo("total(Shape[]) → Shape.area(): not inlined — the call site saw 3 receiver types (Sq, Circ,"
                        + " Tri): megamorphic, a virtual call each time. Hint: a monomorphic loop per type, or a switch"
                        + " over a sealed type.");
        assertThat(f.kind()).isEqualTo("megamorphic");
        assertThat(f.method()).isEqualTo("total(Shape[])");
        assertThat(f.callee()).isEqualTo("Shape.area()");
    }

    @Test
    void aHotMethodTooBigGivesItsSizeAndTheLimit() {
        WhyFinding f = of(Kind.NOT_INLINED, SNIPPET, MERGE, "hot method too big", 1, -1, List.of(), 371, 325);
        assertThat(f.line())
                .isEqualTo("<snippet> → java.util.HashMap.merge(Object, Object, BiFunction): not inlined — hot method"
                        + " too big (371 bytes > 325). Hint: FreqInlineSize (325), or a smaller hot path.");
    }

    @Test
    void aRefusalWithoutAKnownSizeSaysNoNumbers() {
        WhyFinding f = of(Kind.NOT_INLINED, TOTAL, TOTAL, "recursive inlining is too deep", 4, -1, List.of(), -1, -1);
        assertThat(f.evidence())
                .isEqualTo(
                        "total(Shape[]) → total(Shape[]): not inlined — recursive inlining is too deep, at 4 call sites.");
        assertThat(f.hint()).isEqualTo("recursion is inlined only a level deep; a loop instead.");
    }

    @Test
    void aDeoptimisationSaysWhatItsReasonMeans() {
        MethodRef parse = new MethodRef("com.acme.Parser", "parse", "(Ljava/lang/String;)I");
        WhyFinding f = of(Kind.DEOPTIMISED, parse, null, "unstable_if", 3, 4, List.of(), -1, -1);
        assertThat(f.evidence())
                .isEqualTo("com.acme.Parser.parse(String): deoptimised 3 times (unstable_if at line 4): a branch the"
                        + " profile had never seen started being taken.");
        WhyFinding unknown = of(Kind.DEOPTIMISED, parse, null, "something_new", 1, -1, List.of(), -1, -1);
        assertThat(unknown.evidence())
                .isEqualTo("com.acme.Parser.parse(String): deoptimised 1 time (something_new): an assumption of the"
                        + " compiled code failed.");
    }

    @Test
    void allocationsRemovedAndKept() {
        WhyFinding removed = of(Kind.ALLOCATION_REMOVED, SNIPPET, null, "REPL.$JShell$9$P", 1, -1, List.of(), 0, -1);
        assertThat(removed.line())
                .isEqualTo("<snippet>: new P: allocation removed (0 B/op): escape analysis scalar-replaced it.");
        WhyFinding kept = of(Kind.ALLOCATES, SNIPPET, null, "P", 1, -1, List.of(), 24, -1);
        assertThat(kept.evidence()).isEqualTo("the snippet allocates 24 B/op; its own new sites: P.");
        WhyFinding elsewhere = of(Kind.ALLOCATES, null, null, "", 0, -1, List.of(), 16, -1);
        assertThat(elsewhere.evidence())
                .isEqualTo("the snippet allocates 16 B/op, in code it calls (its own code has no new).");
    }

    @Test
    void osrOnlyAndBimorphic() {
        MethodRef sum = new MethodRef("REPL.$JShell$5", "sumArray", "([I)J");
        assertThat(of(Kind.OSR_ONLY, sum, null, "on-stack replacement", 1, -1, List.of(), -1, -1)
                        .evidence())
                .isEqualTo("sumArray(int[]): compiled by C2 only as OSR (on-stack replacement): its loop runs long in"
                        + " one call.");
        assertThat(of(Kind.BIMORPHIC, TOTAL, AREA, "inlined behind a type check", 1, -1, List.of("Sq", "Circ"), -1, -1)
                        .line())
                .isEqualTo("total(Shape[]) → Shape.area(): both receiver types (Sq, Circ) inlined behind a type check"
                        + " (bimorphic); a third type would make it a virtual call.");
    }
}
