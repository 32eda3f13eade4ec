package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeitRendererTest {

    private static TimeitReport report(long loops, double... perOp) {
        return TimeitReport.of("", "x", loops, perOp, Double.NaN, 0, 0, false, List.of());
    }

    private static TimeitReport report(
            long loops, double bytesPerOp, long warmupNanos, int warmupRuns, boolean settled, double... perOp) {
        return TimeitReport.of("", "x", loops, perOp, bytesPerOp, warmupNanos, warmupRuns, settled, List.of());
    }

    /** 7 runs, 4 of them ±a from 6.36 ms and 3 at 6.36 ms: population std-dev 100 µs. */
    private static double[] sixPointThreeSix() {
        double a = 0.1e6 * Math.sqrt(7.0 / 4);
        return new double[] {6.36e6 - a, 6.36e6 + a, 6.36e6, 6.36e6 - a, 6.36e6, 6.36e6 + a, 6.36e6};
    }

    @Test
    void lineGolden() {
        List<String> lines = new ArrayList<>();
        lines.add("# typical nanosecond snippet, 7 runs");
        lines.addAll(TimeitRenderer.line(report(10_000_000, 5.70, 5.75, 5.77, 5.78, 5.80, 5.82, 5.77), 3));
        lines.add("# mean and std-dev scaled independently");
        lines.addAll(TimeitRenderer.line(report(100, sixPointThreeSix()), 3));
        lines.add("# -p 6");
        lines.addAll(TimeitRenderer.line(report(1_000, 406.04 - 0.12013, 406.04 + 0.12013), 6));
        lines.add("# one run, one loop");
        lines.addAll(TimeitRenderer.line(report(1, 50.2e6), 3));
        lines.add("# one loop, several runs; one run, many loops");
        lines.addAll(TimeitRenderer.line(report(1, 1.2e9, 1.4e9, 1.3e9), 3));
        lines.addAll(TimeitRenderer.line(report(1_234_567, 81.5), 3));
        lines.add("# population std-dev of 1, 2, 3, 4, 100 is 39.0 (the sample one would be 43.6)");
        lines.addAll(TimeitRenderer.line(report(1_000, 1, 2, 3, 4, 100), 3));
        lines.add("# a minute or more");
        lines.addAll(TimeitRenderer.line(report(1, 65e9, 66e9), 3));
        Golden.assertMatches("timeit-line.txt", lines);
    }

    @Test
    void pinnedLines() {
        assertThat(TimeitRenderer.line(report(100, sixPointThreeSix()), 3))
                .containsExactly("6.36 ms ± 100 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)");
        assertThat(TimeitRenderer.line(report(1_000, 406.04 - 0.12013, 406.04 + 0.12013), 6))
                .containsExactly("406.04 ns ± 0.12013 ns per loop (mean ± std. dev. of 2 runs, 1,000 loops each)");
        assertThat(TimeitRenderer.line(report(1, 50.2e6), 3))
                .containsExactly("50.2 ms ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)");
        assertThat(TimeitRenderer.line(report(1_000, 1, 2, 3, 4, 100), 3))
                .containsExactly("22 ns ± 39 ns per loop (mean ± std. dev. of 5 runs, 1,000 loops each)");
    }

    @Test
    void verboseGolden() {
        List<String> lines = new ArrayList<>();
        lines.add("# typical: 7 runs, allocation known, warm-up settled");
        TimeitReport typical = report(10_000_000, 24, 420_000_000L, 9, true, 5.70, 5.75, 5.77, 5.78, 5.80, 5.82, 5.95);
        lines.addAll(TimeitRenderer.warnings(typical));
        lines.addAll(TimeitRenderer.line(typical, 3));
        lines.addAll(TimeitRenderer.verbose(typical, 3));

        lines.add("# 1, 2, 3, 4, 100: MAD 1.48 (1 × 1.4826), severe outlier, CI reaches below zero");
        TimeitReport outlier = report(1_000, 0.0004, 1_200_000L, 1, false, 1, 2, 3, 4, 100);
        lines.addAll(TimeitRenderer.line(outlier, 3));
        lines.addAll(TimeitRenderer.verbose(outlier, 3));

        lines.add("# one run: no interval; no warm-up; 1.5 KiB/op");
        TimeitReport one = report(1, 1536, 0, 0, false, 50.2e6);
        lines.addAll(TimeitRenderer.line(one, 3));
        lines.addAll(TimeitRenderer.verbose(one, 3));

        lines.add("# all runs equal: std-dev 0, MAD 0, one bin");
        TimeitReport equal = report(1_000_000, Double.NaN, 250_000_000L, 12, true, 12.5, 12.5, 12.5, 12.5);
        lines.addAll(TimeitRenderer.line(equal, 3));
        lines.addAll(TimeitRenderer.verbose(equal, 3));

        lines.add("# runs within 0.1%: bin edges get more digits than -p 3 so that they differ");
        TimeitReport close = report(
                1_000,
                Double.NaN,
                300_000_000L,
                6,
                true,
                1_000.0,
                1_000.3,
                1_000.5,
                1_000.2,
                1_000.9,
                1_000.4,
                1_000.1,
                1_000.6);
        lines.addAll(TimeitRenderer.line(close, 3));
        lines.addAll(TimeitRenderer.verbose(close, 3));

        lines.add("# slowest-run warning, 20 runs, -p 6");
        double[] twenty = new double[20];
        for (int i = 0; i < twenty.length; i++) twenty[i] = 2_000 + (i * 7 % 20);
        twenty[19] = 9_000;
        TimeitReport warned = report(10_000, 0, 200_000_000L, 4, false, twenty);
        lines.addAll(TimeitRenderer.warnings(warned));
        lines.addAll(TimeitRenderer.line(warned, 6));
        lines.addAll(TimeitRenderer.verbose(warned, 6));
        Golden.assertMatches("timeit-verbose.txt", lines);
    }

    private static dev.perfshell.repl.link.TimeitRuns runs(
            dev.perfshell.timing.ProfileCleaning profiles, int leftOutForJit) {
        return new dev.perfshell.repl.link.TimeitRuns(
                new double[] {1, 2},
                new long[] {10, 10},
                new long[2],
                new long[2],
                0,
                null,
                null,
                null,
                0,
                1,
                true,
                "",
                0,
                0,
                profiles,
                leftOutForJit,
                false);
    }

    @Test
    void theEngineLinesSayWhatHappenedToTheProfilesAndTheRunsALateCompileCost() {
        dev.perfshell.timing.ProfileCleaning kept = dev.perfshell.timing.ProfileCleaning.kept();
        assertThat(TimeitRenderer.engine(runs(kept, 0))).containsExactly(kept.describe());
        assertThat(TimeitRenderer.engine(runs(kept, 3)))
                .containsExactly(
                        kept.describe(),
                        "JIT: 3 measured runs left out: the JIT rebuilt the snippet's code after them");
    }

    @Test
    void theProfilesNoteIsForProfileSensitiveCodeOnProfilesNotReset() {
        TimeitReport stream = TimeitReport.of(
                "", "list.stream().map(x -> x)", 1, new double[] {1, 2}, Double.NaN, 0, 0, true, List.of());
        dev.perfshell.repl.link.TimeitRuns kept = runs(dev.perfshell.timing.ProfileCleaning.kept(), 0);
        assertThat(TimeitRenderer.profilesNote(stream, kept, false))
                .hasValueSatisfying(note -> assertThat(note).startsWith("note: lambdas, streams and interface calls"));
        assertThat(TimeitRenderer.profilesNote(stream, kept, true)).isEmpty(); // --fresh
        dev.perfshell.repl.link.TimeitRuns reset =
                runs(new dev.perfshell.timing.ProfileCleaning(true, 10, 0, 1000, null, List.of()), 0);
        assertThat(TimeitRenderer.profilesNote(stream, reset, false)).isEmpty();
        assertThat(TimeitRenderer.profilesNote(report(1, 1, 2), kept, false)).isEmpty(); // "x"
    }

    @Test
    void verbosePinsMadAndInterval() {
        List<String> v = TimeitRenderer.verbose(report(1_000, 1, 2, 3, 4, 100), 3);
        assertThat(v).contains("median ± MAD: 3 ns ± 1.48 ns (MAD × 1.4826)", "Tukey outliers: 0 mild, 1 severe");
        assertThat(v).anyMatch(l -> l.startsWith("99.9% CI of the mean: [-146 ns, 190 ns] (Student t, 4 d.f."));
        assertThat(TimeitRenderer.verbose(report(1, 5), 3))
                .contains("99.9% CI of the mean: n/a (needs 3 runs or more)", "warm-up: none");
    }

    @Test
    void warningsAreGivenUnchanged() {
        TimeitReport r = TimeitReport.of(
                "",
                "x",
                1,
                new double[] {150, 10_195_000, 160},
                Double.NaN,
                0,
                0,
                false,
                List.of(dev.perfshell.timing.Finding.of(dev.perfshell.timing.Finding.Kind.OLD_GC, "collections", 1L)));
        assertThat(TimeitRenderer.warnings(r)).isEqualTo(r.warnings());
        assertThat(TimeitRenderer.warnings(r).get(0)).startsWith("The slowest run took 68,000 times longer");
        assertThat(TimeitRenderer.line(r, 3)).hasSize(1).noneMatch(l -> l.contains("slowest"));
    }

    @Test
    void bytesPerOp() {
        assertThat(TimeitRenderer.bytesPerOp(0)).isEqualTo("0.0 B/op");
        assertThat(TimeitRenderer.bytesPerOp(-0.01)).isEqualTo("0.0 B/op");
        assertThat(TimeitRenderer.bytesPerOp(0.001)).isEqualTo("0.0 B/op");
        assertThat(TimeitRenderer.bytesPerOp(80.026)).isEqualTo("80.0 B/op");
        assertThat(TimeitRenderer.bytesPerOp(896)).isEqualTo("896.0 B/op");
        assertThat(TimeitRenderer.bytesPerOp(10_688)).isEqualTo("10.4 KiB/op");
    }

    @Test
    void histogramHasAtMostEightBinsAndThirtyCharacterBars() {
        double[] values = new double[100];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) values[i] = 1_000 + random.nextGaussian() * 50;
        List<String> h = TimeitRenderer.histogram(values, 3);
        assertThat(h).hasSize(9);
        assertThat(h.get(0)).isEqualTo("histogram of the 100 runs (time per loop, run count):");
        int total = 0;
        int longest = 0;
        for (String line : h.subList(1, h.size())) {
            total += Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
            longest = Math.max(longest, (int) line.chars().filter(c -> c == '█').count());
        }
        assertThat(total).isEqualTo(100);
        assertThat(longest).isEqualTo(30);
        assertThat(TimeitRenderer.histogram(new double[] {1, 2, 3}, 3)).hasSize(4);
    }

    @Test
    void engineResultPrintsTheSameLine() {
        Random random = new Random(7);
        double[] scales = {0.3, 5, 80, 999, 1_000, 42_000, 6.36e6, 2.5e8, 1e9, 59.9e9, 61e9, 4e12};
        for (int trial = 0; trial < 2_000; trial++) {
            double scale = scales[trial % scales.length];
            double[] runs = new double[1 + random.nextInt(12)];
            for (int i = 0; i < runs.length; i++) runs[i] = scale * (1 + random.nextGaussian() * 0.05 * (trial % 5));
            for (int i = 0; i < runs.length; i++) runs[i] = Math.abs(runs[i]);
            if (trial % 7 == 0) Arrays.fill(runs, scale);
            long loops = trial % 3 == 0 ? 1 : (long) Math.pow(10, trial % 10);
            int precision = 1 + trial % 8;
            TimeitReport report = report(loops, runs);
            TimeitResult result = new TimeitResult(runs, loops, precision);
            assertThat(result.toString())
                    .as("runs %s", Arrays.toString(runs))
                    .isEqualTo(TimeitRenderer.line(report, precision).get(0));
            RunStatistics s = report.stats();
            assertThat(result.mean()).isEqualTo(s.mean());
            assertThat(result.stdev()).isEqualTo(s.stdev());
            assertThat(result.median()).isEqualTo(s.median());
            assertThat(result.best()).isEqualTo(s.min());
            assertThat(result.worst()).isEqualTo(s.max());
        }
    }

    @Test
    void constructorRebuildsTheEngineResult() {
        TimeitReport r = report(10_000_000, 5.7, 5.75, 1.0E-5, 0.1 + 0.2);
        assertThat(TimeitRenderer.constructor(r))
                .isEqualTo(
                        "new dev.perfshell.timing.runtime.TimeitResult(new double[] {5.7, 5.75, 1.0E-5, 0.30000000000000004},"
                                + " 10000000L)");
        assertThat(TimeitRenderer.constructor(r, 6)).endsWith(", 10000000L, 6)");
        // the literals read back to the same doubles
        String text = TimeitRenderer.constructor(r);
        String inner = text.substring(text.indexOf('{') + 1, text.indexOf('}'));
        double[] back = Arrays.stream(inner.split(", "))
                .mapToDouble(Double::parseDouble)
                .toArray();
        assertThat(back).containsExactly(r.perOpNanos());
    }
}
