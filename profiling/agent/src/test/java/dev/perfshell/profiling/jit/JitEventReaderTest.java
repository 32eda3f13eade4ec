package dev.perfshell.profiling.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jit.JitEvents.Compilation;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JFR's compiler events of {@link JitFixtureProgram}, recorded once per JDK (17 and 25: {@code java -cp
 * target/test-classes:target/classes dev.perfshell.profiling.jit.JitFixtureProgram src/test/resources/jit/jdkNN.jfr}),
 * read back: only the program's code and what it reached is kept, and each construction's known outcome is there.
 */
class JitEventReaderTest {
    static final String FIXTURE = JitFixtureProgram.class.getName();

    static JitEvents read(int jdk) throws Exception {
        return new JitEventReader(type -> type.getName().startsWith(FIXTURE))
                .read(Path.of("src/test/resources/jit/jdk" + jdk + ".jfr"));
    }

    static MethodRef fixture(String name, String descriptor) {
        return new MethodRef(FIXTURE, name, descriptor);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void keepsTheProgramsCompilationsAndTheCalleesTheyReachedOnly(int jdk) throws Exception {
        JitEvents events = read(jdk);
        Set<String> callees =
                events.inlinings().stream().map(i -> i.callee().key()).collect(Collectors.toSet());
        assertThat(events.compilations())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.method().owner().startsWith(FIXTURE)
                                || callees.contains(c.method().key()))
                        .as(c.method().key())
                        .isTrue());
        assertThat(events.sessionClasses()).contains(FIXTURE, FIXTURE + "$Sq").allMatch(c -> c.startsWith(FIXTURE));
        assertThat(events.inlinings()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void theLoopOfMainOnlyEverRanAsOnStackReplacementAtC2(int jdk) throws Exception {
        List<Compilation> main = read(jdk).compilations().stream()
                .filter(c -> c.method().name().equals("main") && c.level() == 4)
                .toList();
        assertThat(main).isNotEmpty().allMatch(Compilation::osr);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void hashMapMergeWasRefusedAsAHotMethodTooBigInsideMerge(int jdk) throws Exception {
        assertThat(read(jdk).inlinings()).anySatisfy(i -> {
            assertThat(i.caller()).isEqualTo(fixture("merge", "(Ljava/util/Map;I)J"));
            assertThat(i.callee().key()).startsWith("java.util.HashMap.merge(");
            assertThat(i.succeeded()).isFalse();
            assertThat(i.message()).isEqualTo("hot method too big");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void aDeoptimisationCarriesItsReasonAndLine(int jdk) throws Exception {
        assertThat(read(jdk).deoptimizations()).isNotEmpty().anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo("unstable_if");
            assertThat(d.line()).isPositive();
            assertThat(d.method().owner()).isEqualTo(FIXTURE);
        });
    }
}
