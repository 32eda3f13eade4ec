package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.probe.LineCounts;
import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.profiling.probe.LinesArm;
import dev.perfshell.profiling.probe.LinesTake;
import dev.perfshell.profiling.probe.MethodProfile;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Profiler;
import dev.perfshell.profiling.probe.PrunArm;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.timing.runtime.ProfileReset;
import dev.perfshell.timing.runtime.WireForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * %prun's and %lprun/%mprun's arms and takes cross the engine link as their wire form: each read back after a real
 * serialization, through the shell's allow-list of reply types, equals what the other side wrote.
 */
class ProbeWireTest {
    private static <R extends Record> R overTheWire(R record) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(WireForm.write(record));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(new ReplyFilter());
            @SuppressWarnings("unchecked")
            Class<R> type = (Class<R>) record.getClass();
            return WireForm.read(type, (Map<?, ?>) in.readObject());
        }
    }

    private static final Sampling TAKEN = new Sampling("async-profiler cpu, 1 ms", "", "a;b 3\na 1\n", 1_000_000, null);
    private static final ProfileReset.Outcome RESET = new ProfileReset.Outcome(12, 0, 3_400_000L, null, List.of());

    @Test
    void aPrunArmKeepsItsClassBytes() throws Exception {
        PrunArm arm = new PrunArm(
                List.of("com.acme.*"),
                Profiler.Mode.TIMED,
                true,
                false,
                Map.of("REPL.$JShell$3", new byte[] {1, 2, 3}),
                "/lib/async-profiler.jar",
                1_000_000);
        PrunArm read = overTheWire(arm);
        assertThat(read).usingRecursiveComparison().isEqualTo(arm);
        assertThat(read.classBytes().get("REPL.$JShell$3")).containsExactly(1, 2, 3);
    }

    @Test
    void aLinesArmKeepsItsChoicesAndAChoiceOfAWholeClass() throws Exception {
        LinesArm arm = new LinesArm(
                List.of(
                        new LineProfiler.Choice("REPL.$JShell$3", "fib", "int"),
                        new LineProfiler.Choice("com.acme.Work", null, null)),
                true,
                Map.of(),
                LineProfiler.Mode.SAMPLED,
                null,
                500_000);
        assertThat(overTheWire(arm)).usingRecursiveComparison().isEqualTo(arm);
    }

    @Test
    void anArmWithTheSamplerItStartedAndOneWithout() throws Exception {
        ProbesArmed sampled = new ProbesArmed(
                4, List.of("Foo: cannot weave"), new Sampling("JFR cpu, 10 ms", "no libasyncProfiler", null, 0, null));
        ProbesArmed clocked = new ProbesArmed(2, List.of(), null);
        assertThat(overTheWire(sampled)).isEqualTo(sampled);
        assertThat(overTheWire(clocked)).isEqualTo(clocked);
    }

    @Test
    void aPrunTakeWithProbesAndSamples() throws Exception {
        MethodProfile profile = new MethodProfile(
                List.of(
                        new MethodProfile.Method(0, "REPL/$JShell$3", "fib", "(I)I", 2, false, 21_891, 1, 0, 0),
                        new MethodProfile.Method(5, "java/lang/Math", "abs", "(I)I", -1, true, 1, 1, 40, 40)),
                List.of(new MethodProfile.Edge(0, 0, 21_890, 0, 0, 0)),
                5_200_000,
                1,
                false,
                false,
                0,
                0);
        PrunTake take = new PrunTake(profile, 21.5, 0, RESET, TAKEN);
        assertThat(overTheWire(take)).isEqualTo(take);
    }

    @Test
    void aSamplingOnlyTakeHasNoProfileAndAFailedSamplerSaysWhy() throws Exception {
        PrunTake take = new PrunTake(null, 0, 0, null, new Sampling(null, null, null, 0, "perf_events not allowed"));
        PrunTake read = overTheWire(take);
        assertThat(read).isEqualTo(take);
        assertThat(read.stacks()).isNull();
        assertThat(read.sampling().sampled()).isFalse();
    }

    @Test
    void aLinesTakeWithItsLinesAndLayoutFlags() throws Exception {
        LineCounts counts = new LineCounts(
                List.of(new LineCounts.Method(
                        "REPL/$JShell$3", "fib", "(I)I", List.of(new LineCounts.Line(3, 10, 420, 0)))),
                12.5,
                false);
        LinesTake take = new LinesTake(counts, RESET, TAKEN, List.of("-XX:-UseCompressedOops"));
        assertThat(overTheWire(take)).isEqualTo(take);
    }
}
