package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.flame.FlameBackends;
import dev.perfshell.profiling.flame.FlameRequest;
import dev.perfshell.profiling.flame.FlameSamples;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.timing.runtime.WireForm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's requests and replies for %flame, %memit, %sizeof (and the forgetting of its hidden values) and %env
 * cross the link as JDK maps (their {@link WireForm}, sent by Java serialization): each read back from its wire form, after a real
 * serialization, equals what the other side wrote.
 */
class EngineWireRoundTripTest {
    private static <R extends Record> R overTheWire(R record) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(WireForm.write(record));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            Class<R> type = (Class<R>) record.getClass();
            return WireForm.read(type, (Map<?, ?>) in.readObject());
        }
    }

    @Test
    void aMemitRun() throws Exception {
        MemitRun run = new MemitRun(
                3,
                10_485_760,
                14_680_064,
                4_000_016,
                true,
                -1_024,
                2,
                3_000_000,
                120_000_000,
                -1,
                true,
                List.of("-XX:-UseCompressedOops"));
        assertThat(overTheWire(run)).isEqualTo(run);
    }

    @Test
    void aMemitRunWithoutLayoutFlags() throws Exception {
        MemitRun run = new MemitRun(0, 0, 0, 0, false, 0, 0, 0, -1, -1, false, List.of());
        assertThat(overTheWire(run)).isEqualTo(run);
    }

    @Test
    void theEngineInfo() throws Exception {
        EngineInfo info = new EngineInfo(
                4242,
                "17.0.15",
                "Eclipse Adoptium",
                "/usr/lib/jvm/java-17",
                "OpenJDK 64-Bit Server VM 17.0.15+6",
                List.of("-Xmx1g", "-javaagent:/tmp/perfshell-engine.jar"),
                "/tmp/perfshell-engine.jar",
                1L << 30,
                2,
                "redefine=true retransform=true",
                "OpenJDK 64-Bit Server VM",
                "17.0.15+6",
                List.of("G1 Young Generation", "G1 Old Generation"),
                "Linux 6.1 amd64",
                null);
        assertThat(overTheWire(info)).isEqualTo(info);
    }

    @Test
    void aFlameRequest() throws Exception {
        FlameRequest request = new FlameRequest(
                "REPL.$JShell$7$PerfshellTimed2",
                2_000_000_000L,
                "cpu",
                "1ms",
                new FlameRequest.Sampler("async", "/tmp/async-profiler.jar"),
                true,
                "/tmp/out.jfr");
        assertThat(overTheWire(request)).isEqualTo(request);
    }

    @Test
    void aSamplerWithoutAJar() throws Exception {
        FlameRequest.Sampler noJar = new FlameRequest.Sampler("auto", null);
        assertThat(overTheWire(noJar)).isEqualTo(noJar);
    }

    @Test
    void flameSamples() throws Exception {
        FlameSamples samples = new FlameSamples(
                "JFR", "no library for this platform", "cpu", "", "a;b;c 12\na;b 3\n", 41, 2_000_417_000L, null, null);
        assertThat(overTheWire(samples)).isEqualTo(samples);
        FlameSamples threw = new FlameSamples(
                "async-profiler",
                "",
                "itimer",
                "perf events refused",
                "",
                1,
                5,
                "java.lang.ArithmeticException: / by zero",
                "/tmp/out.jfr");
        assertThat(overTheWire(threw)).isEqualTo(threw);
    }

    @Test
    void flameBackends() throws Exception {
        FlameBackends backends = new FlameBackends("async-profiler", "", List.of("cpu", "alloc", "wall", "lock"), "2");
        assertThat(overTheWire(backends)).isEqualTo(backends);
    }

    @Test
    void aSizeofRequest() throws Exception {
        SessionVariable.Sizeof request = new SessionVariable.Sizeof(
                new SessionVariable("REPL.$JShell$3", "list"), true, List.of("/tmp/perfshell-jol.jar", "/tmp/jol.jar"));
        assertThat(overTheWire(request)).isEqualTo(request);
        SessionVariable forget = new SessionVariable("REPL.$JShell$3", "list");
        assertThat(overTheWire(forget)).isEqualTo(forget);
    }
}
