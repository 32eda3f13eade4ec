package dev.perfshell.profiling.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Self and total samples per row, worked out by hand from small folded-stack fixtures. */
class SampleAttributionTest {
    private final MethodTable table = new MethodTable();
    private final int statement = table.id("REPL/$JShell$15", "do_it$", "()Ljava/lang/String;", 1, false);
    private final int fib = table.id("REPL/$JShell$12", "fib", "(I)I", 1, false);
    private final int compute = table.id("REPL/$JShell$13", "compute", "()J", 1, false);
    private final int lambda = table.id("REPL/$JShell$13", "lambda$compute$0", "(J)J", 1, false);
    private final int sum = table.id("java/util/stream/LongStream", "sum", "()J", -1, true);
    private final int get = table.id("java/util/Map", "get", "(Ljava/lang/Object;)Ljava/lang/Object;", -1, true);

    private static final String HARNESS = "java/lang/Thread.run;jdk/jshell/execution/RemoteExecutionControl.invoke;";

    @Test
    void recursionCountsOnceForTotalAndTheInnermostFrameGetsTheSelfSample() {
        String folded = HARNESS
                + "REPL/$JShell$15.do_it$()Ljava/lang/String|;REPL/$JShell$12.fib(I)I;REPL/$JShell$12.fib(I)I;REPL/$JShell$12.fib(I)I 30\n"
                + HARNESS + "REPL/$JShell$15.do_it$()Ljava/lang/String|;REPL/$JShell$12.fib(I)I 10\n"
                + HARNESS + "REPL/$JShell$15.do_it$()Ljava/lang/String; 2\n";
        SampleAttribution.Result r = new SampleAttribution(table).attribute(folded);
        assertThat(r.statementSamples()).isEqualTo(42);
        assertThat(r.selfSamples()[fib]).isEqualTo(40);
        assertThat(r.totalSamples()[fib]).isEqualTo(40); // not 30 * 3 + 10
        assertThat(r.selfSamples()[statement]).isEqualTo(2);
        assertThat(r.totalSamples()[statement]).isEqualTo(42);
        assertThat(r.edgeTotal().get(edge(fib, fib))).isEqualTo(30); // once per sample, however deep
        assertThat(r.edgeSelf().get(edge(fib, fib))).isEqualTo(30);
        assertThat(r.edgeSelf().get(edge(statement, fib))).isEqualTo(10);
    }

    @Test
    void jdkCodeBelowACountedCallIsThatCallsRowAndALambdaBelowItIsItsOwn() {
        String root = HARNESS + "REPL/$JShell$15.do_it$()Ljava/lang/String|;REPL/$JShell$13.compute()J;";
        String folded = root
                + "java/util/stream/LongPipeline.sum()J;java/util/stream/LongPipeline.reduce(JLjava/util/function/LongBinaryOperator|)J 7\n"
                + root + "java/util/stream/LongPipeline.sum()J;java/util/stream/ReduceOps$ReduceOp.evaluateSequential;"
                + "REPL/$JShell$13$$Lambda$45.0x0000000800c0b000.applyAsLong(J)J;REPL/$JShell$13.lambda$compute$0(J)J 20\n"
                + root + "java/lang/Long.valueOf(J)Ljava/lang/Long| 3\n"; // no counted call matches: compute's own
        SampleAttribution.Result r = new SampleAttribution(table).attribute(folded);
        assertThat(r.statementSamples()).isEqualTo(30);
        assertThat(r.selfSamples()[sum]).isEqualTo(7);
        assertThat(r.totalSamples()[sum]).isEqualTo(27);
        assertThat(r.selfSamples()[lambda]).isEqualTo(20);
        assertThat(r.selfSamples()[compute]).isEqualTo(3);
        assertThat(r.totalSamples()[compute]).isEqualTo(30);
        assertThat(r.totalSamples()[get]).isZero();
    }

    @Test
    void samplesInTheProbesAreSetApartAndSamplesOutsideTheStatementDropped() {
        String folded = HARNESS + "REPL/$JShell$15.do_it$()Ljava/lang/String|;REPL/$JShell$12.fib(I)I;"
                + "dev/perfshell/profiling/probe/Probes.countEnter(I)I;dev/perfshell/profiling/probe/ThreadRecord.countEnter(I)I 12\n"
                + HARNESS + "REPL/$JShell$15.do_it$()Ljava/lang/String|;REPL/$JShell$12.fib(I)I 8\n"
                + HARNESS + "dev/perfshell/engine/EngineCommands.lambda$new$3 5\n"
                + "[unknown_Java];__GI___sched_yield 4\n";
        SampleAttribution.Result r = new SampleAttribution(table).attribute(folded);
        assertThat(r.probeSamples()).isEqualTo(12);
        assertThat(r.statementSamples()).isEqualTo(8);
        assertThat(r.selfSamples()[fib]).isEqualTo(8);
    }

    @Test
    void aStackNotWalkedBackToTheStatementIsLeftOutAndAnotherWrappersStatementFrameIsTheStatement() {
        String folded = "[unknown_Java];REPL/$JShell$12.fib(I)I;REPL/$JShell$12.fib(I)I 9\n" + HARNESS
                + "REPL/$JShell$31.do_it$()Ljava/lang/String|;REPL/$JShell$12.fib(I)I 4\n"; // -n: another evaluation
        SampleAttribution.Result r = new SampleAttribution(table).attribute(folded);
        assertThat(r.statementSamples()).isEqualTo(4);
        assertThat(r.totalSamples()[statement]).isEqualTo(4);
        assertThat(r.selfSamples()[fib]).isEqualTo(4);
    }

    @Test
    void framesWithoutSignaturesAndWithAnnotationsStillMatch() {
        String folded = HARNESS + "REPL/$JShell$15.do_it$_[j];REPL/$JShell$12.fib_[i];java/util/HashMap.get_[i] 5\n";
        SampleAttribution.Result r = new SampleAttribution(table).attribute(folded);
        assertThat(r.selfSamples()[get]).isEqualTo(5); // Map.get's only candidate by name
        assertThat(r.totalSamples()[fib]).isEqualTo(5);
    }

    private static long edge(int caller, int callee) {
        return ((long) caller << 32) | callee;
    }
}
