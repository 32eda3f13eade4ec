package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes a profile reset redefines, and how a refusal by the JVM is contained. */
class ClassProfileResetTest {

    @Test
    void theJdkFrameworksWhoseProfilesHistorySpoilsAreResetWhatTheEngineRunsOnIsNot() {
        for (String reset : List.of(
                "java.util.stream.LongPipeline",
                "java.util.stream.Streams$RangeLongSpliterator",
                "java.util.stream.ReduceOps$8ReducingSink",
                "java.util.regex.Pattern",
                "java.util.regex.Pattern$CharProperty")) {
            assertThat(ClassProfileReset.resettable(reset, true)).as(reset).isTrue();
        }
        // Collections, strings and numbers are what the engine itself (and JFR's parser) runs on: resetting them
        // deoptimised the engine after every reset and starved the snippet's C2 compiles (docs/history.md).
        for (String kept : List.of(
                "java.util.HashMap",
                "java.util.ArrayList",
                "java.lang.StringBuilder",
                "java.lang.Integer",
                "java.lang.Object",
                "java.lang.String",
                "java.lang.Class",
                "java.lang.Thread",
                "java.lang.invoke.MethodHandle",
                "java.lang.reflect.Method",
                "java.io.ObjectInputStream",
                "java.net.Socket",
                "java.nio.file.Files",
                "jdk.internal.misc.Unsafe",
                "sun.nio.ch.SocketChannelImpl",
                "jdk.jfr.Recording",
                "jdk.jshell.execution.RemoteExecutionControl",
                "java.util.concurrent.locks.ReentrantLock",
                "jdk.proxy1.$Proxy3")) {
            assertThat(ClassProfileReset.resettable(kept, true)).as(kept).isFalse();
        }
    }

    @Test
    void everythingOutsideTheJdkIsResetButPerfshellsOwnMachinery() {
        assertThat(ClassProfileReset.resettable("REPL.$JShell$12", false)).isTrue();
        assertThat(ClassProfileReset.resettable("com.google.common.collect.ImmutableList", false))
                .isTrue();
        assertThat(ClassProfileReset.resettable("dev.perfshell.timing.runtime.TimeitRunner", false))
                .isFalse();
        assertThat(ClassProfileReset.resettable("org.openjdk.jmh.infra.Blackhole", false))
                .isFalse();
    }

    @Test
    void oneRefusedClassDoesNotCostTheOthersTheirReset() {
        List<ClassDefinition> definitions = List.of(
                new ClassDefinition(String.class, new byte[] {1}),
                new ClassDefinition(Integer.class, new byte[] {2}),
                new ClassDefinition(Long.class, new byte[] {3}));
        List<Integer> batches = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int done = ClassProfileReset.redefine(
                definitions,
                batch -> {
                    batches.add(batch.length);
                    for (ClassDefinition each : batch) {
                        if (each.getDefinitionClass() == Integer.class)
                            throw new UnsupportedOperationException("schema change");
                    }
                },
                refused);
        // One call for all three, refused; then one call each: two of them pass.
        assertThat(batches).containsExactly(3, 1, 1, 1);
        assertThat(done).isEqualTo(2);
        assertThat(refused)
                .containsExactly("java.lang.Integer (java.lang.UnsupportedOperationException: schema change)");
    }

    @Test
    void aBatchTheJvmAcceptsIsOneCall() {
        List<Integer> batches = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int done = ClassProfileReset.redefine(
                List.of(
                        new ClassDefinition(String.class, new byte[] {1}),
                        new ClassDefinition(Integer.class, new byte[] {2})),
                batch -> batches.add(batch.length),
                refused);
        assertThat(batches).containsExactly(2);
        assertThat(done).isEqualTo(2);
        assertThat(refused).isEmpty();
        assertThat(ClassProfileReset.redefine(List.of(), batch -> batches.add(-1), refused))
                .isZero();
        assertThat(batches).containsExactly(2);
    }
}
