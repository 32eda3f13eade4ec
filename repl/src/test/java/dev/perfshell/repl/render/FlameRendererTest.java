package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.flame.FlameReport;
import dev.perfshell.repl.flame.FlatProfile;
import dev.perfshell.repl.flame.FoldedStacks;
import dev.perfshell.repl.flame.FrameNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The flat table of {@code %flame}, fed fixed folded stacks as async-profiler writes them. */
class FlameRendererTest {
    /** Engine frames below the loop, a JDK call, a recursive method, kernel frames and a stack outside the loop. */
    static final String RAW = String.join(
            "\n",
            "java/lang/Thread.run;dev/perfshell/engine/EngineAgent.invoke;dev/perfshell/profiling/flame/Flames.profile;dev/perfshell/profiling/flame/Flames.loop 4",
            "java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop;REPL/$JShell$9$PerfshellFlame.perfshell$payload;java/util/HashMap.get 25",
            "java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop;REPL/$JShell$9$PerfshellFlame.perfshell$payload;Main.fib;Main.fib;Main.fib 600",
            "java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop;REPL/$JShell$9$PerfshellFlame.perfshell$payload;Main.fib;Main.fib 300",
            "java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop;REPL/$JShell$9$PerfshellFlame.perfshell$payload;Main$Box.twice;asm_sysvec_apic_timer_interrupt_[k];handle_softirqs_[k] 70",
            "java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop 5",
            "");

    @Test
    void flatTableGolden() {
        FoldedStacks stacks = new FrameNames(className -> Optional.empty()).rename(FoldedStacks.parse(RAW), false);
        FlatProfile flat = FlatProfile.of(stacks, false);
        FlameReport report = new FlameReport(
                "fib(30)", "cpu", "async-profiler", "", "1ms", stacks, flat, 1234, 2_003_000_000L, null, null, null);
        List<String> lines = new ArrayList<>(FlameRenderer.render(report, 4));
        lines.add("--- folded");
        lines.addAll(stacks.text().lines().toList());
        Golden.assertMatches("flame-flat.txt", lines);
    }

    /**
     * --threads: async-profiler roots every stack at its thread. The statement's thread keeps only the statement's
     * stacks (its harness is cut as without --threads); other threads (a worker, the JIT) are kept whole.
     */
    static final String RAW_THREADS = String.join(
            "\n",
            "[main tid=100];java/lang/Thread.run;Flames.loop;REPL/$JShell$9$PerfshellFlame.perfshell$loop;REPL/$JShell$9$PerfshellFlame.perfshell$payload;Main.fib 60",
            "[main tid=100];java/lang/Thread.run;dev/perfshell/profiling/flame/Flames.profile 3",
            "[ForkJoinPool.commonPool-worker-1 tid=101];java/util/concurrent/ForkJoinWorkerThread.run;Main.fib 30",
            "[C2 CompilerThre tid=102];start_thread;C2Compiler::compile_method;asm_exc_page_fault_[k];do_fault_[k] 10",
            "");

    @Test
    void threadsTableGolden() {
        FoldedStacks stacks =
                new FrameNames(className -> Optional.empty()).rename(FoldedStacks.parse(RAW_THREADS), false);
        FlatProfile flat = FlatProfile.of(stacks, false);
        FlameReport report = new FlameReport(
                "fib(30)", "cpu", "async-profiler", "", "10ms", stacks, flat, 7, 1_000_000_000L, null, null, null);
        List<String> lines = new ArrayList<>(FlameRenderer.render(report, 5));
        lines.add("--- folded");
        lines.addAll(stacks.text().lines().toList());
        Golden.assertMatches("flame-threads.txt", lines);
        assertThat(flat.row("Main.fib")).isEqualTo(new FlatProfile.Row("Main.fib", 90, 90)); // summed over threads
        assertThat(flat.rows()).noneMatch(row -> row.method().contains("tid="));
    }

    @Test
    void allocationStacksChargeTheAllocatingMethod() {
        FoldedStacks stacks = FoldedStacks.parse(
                "a.loop.perfshell$loop;A.make;byte[]_[i] 9\nA.perfshell$loop;A.make;java.lang.Object[]_[k] 1\n");
        FlatProfile flat = FlatProfile.of(new FrameNames(c -> Optional.empty()).rename(stacks, true), true);
        assertThat(flat.rows().get(0)).isEqualTo(new FlatProfile.Row("A.make", 10, 10));
    }

    @Test
    void emptyProfileSaysWhy() {
        FlatProfile flat = FlatProfile.of(FoldedStacks.parse(""), false);
        FlameReport report = new FlameReport(
                "x", "lock", "async-profiler", "", null, FoldedStacks.parse(""), flat, 3, 1000, null, null, null);
        assertThat(FlameRenderer.render(report, 15)).last().asString().startsWith("No samples");
    }

    @Test
    void aLineThatIsNotFoldedIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FoldedStacks.parse("a;b 3\na;b three\n"))
                .hasMessage("line 2 is not 'frame;frame count': a;b three");
    }

    @Test
    void bindingRebuildsTheRowsAsJava() {
        FlatProfile flat = new FlatProfile(
                3, List.of(new FlatProfile.Row("say \"hi\"", 2, 3), new FlatProfile.Row("<statement>", 1, 3)));
        assertThat(FlameRenderer.constructor(flat))
                .isEqualTo(
                        "java.util.List.<java.util.Map.Entry<String, Long>>of(java.util.Map.entry(\"say \\\"hi\\\"\", 2L), java.util.Map.entry(\"<statement>\", 1L))");
    }
}
