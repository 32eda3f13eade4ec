package dev.perfshell.profiling.jit;

import static dev.perfshell.profiling.jit.JitEventReaderTest.fixture;
import static dev.perfshell.profiling.jit.JitEventReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jit.JitFinding.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The findings for {@link JitFixtureProgram}'s constructions, from the recorded events of JDK 17 and 25. */
class JitAnalysisTest {
    private static List<JitFinding> findings(int jdk, double bytesPerOp) throws Exception {
        return new JitAnalysis(read(jdk)).findings(bytesPerOp);
    }

    private static List<JitFinding> of(List<JitFinding> findings, Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void threeReceiverTypesAtOneSiteAreMegamorphic(int jdk) throws Exception {
        assertThat(of(findings(jdk, Double.NaN), Kind.MEGAMORPHIC))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.method())
                            .isEqualTo(fixture(
                                    "total", "([L" + JitEventReaderTest.FIXTURE.replace('.', '/') + "$Shape;)D"));
                    assertThat(f.callee().name()).isEqualTo("area");
                    assertThat(f.receivers()).containsExactlyInAnyOrder("Sq", "Circ", "Tri");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void twoReceiverTypesAreBothInlined(int jdk) throws Exception {
        assertThat(of(findings(jdk, Double.NaN), Kind.BIMORPHIC))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.method().name()).isEqualTo("totalOfTwo");
                    assertThat(f.receivers()).containsExactlyInAnyOrder("Sq", "Circ");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void refusalsNameTheCalleeAndTheMessage(int jdk) throws Exception {
        List<JitFinding> refused = of(findings(jdk, Double.NaN), Kind.NOT_INLINED);
        assertThat(refused)
                .anySatisfy(f -> {
                    assertThat(f.method().name()).isEqualTo("merge");
                    assertThat(f.callee().owner()).isEqualTo("java.util.HashMap");
                    assertThat(f.reason()).isEqualTo("hot method too big");
                })
                .anySatisfy(f -> {
                    assertThat(f.method().name()).isEqualTo("fib");
                    assertThat(f.callee().name()).isEqualTo("fib");
                    assertThat(f.reason()).isEqualTo("recursive inlining is too deep");
                });
        // the cold refusals (call site not reached, never executed) are left to the tree
        assertThat(refused).allMatch(f -> JitAnalysis.COSTLY_REFUSALS.contains(f.reason()));
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void mainRanAtC2OnlyOnStackAndItsLoopExitsTrapped(int jdk) throws Exception {
        List<JitFinding> findings = findings(jdk, Double.NaN);
        assertThat(of(findings, Kind.OSR_ONLY)).anyMatch(f -> f.method().name().equals("main"));
        assertThat(of(findings, Kind.DEOPTIMISED))
                .allSatisfy(f -> assertThat(f.count()).isPositive())
                .anyMatch(f -> f.reason().equals("unstable_if"));
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void findingsComeMostCostlyKindFirst(int jdk) throws Exception {
        List<Kind> kinds =
                findings(jdk, Double.NaN).stream().map(JitFinding::kind).toList();
        assertThat(kinds).isSortedAccordingTo(Enum::compareTo);
    }

    @ParameterizedTest
    @ValueSource(ints = {17})
    void withoutAllocationSitesNothingIsSaidAboutEscapeAnalysis(int jdk) throws Exception {
        // the reader alone leaves the sites empty (the engine's recording adds them from the bytecode)
        assertThat(of(findings(jdk, 0.0), Kind.ALLOCATION_REMOVED)).isEmpty();
        assertThat(of(findings(jdk, Double.NaN), Kind.ALLOCATES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void noBytesPerOperationWithANewSiteInC2CodeIsAnAllocationRemoved(int jdk) throws Exception {
        JitEvents events = JitRecording.withBytecode(read(jdk), BytecodeFactsTest::fixtureBytes);
        List<JitFinding> removed = of(new JitAnalysis(events).findings(0.0), Kind.ALLOCATION_REMOVED);
        assertThat(removed).anySatisfy(f -> {
            assertThat(f.method().name()).isEqualTo("pair");
            assertThat(f.reason()).isEqualTo(JitEventReaderTest.FIXTURE + "$P");
            assertThat(f.line()).isEqualTo(BytecodeFactsTest.sourceLine("P p = new P(x, x + 1);"));
        });
        assertThat(of(new JitAnalysis(events).findings(0.0), Kind.ALLOCATES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void bytesPerOperationAreOneFindingWithTheSitesThatCouldBeThem(int jdk) throws Exception {
        JitEvents events = JitRecording.withBytecode(read(jdk), BytecodeFactsTest::fixtureBytes);
        List<JitFinding> findings = new JitAnalysis(events).findings(24.2);
        assertThat(of(findings, Kind.ALLOCATION_REMOVED)).isEmpty();
        assertThat(of(findings, Kind.ALLOCATES)).singleElement().satisfies(f -> {
            assertThat(f.size()).isEqualTo(24);
            assertThat(f.reason()).contains("P");
            assertThat(f.count()).isPositive();
        });
    }
}
