package dev.perfshell.repl.results;

import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.OnceTiming;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One magic result in the session's {@link ResultsStore}, as exported in schema {@code perfshell-results/1}.
 *
 * @param magic    the magic's name without {@code %}, e.g. {@code timeit}
 * @param label    the user's name for the result ({@code --label}), or {@code null}
 * @param source   the measured code as typed
 * @param params   what shaped the measurement besides the code (setup, options given), in order;
 *                 values are strings, numbers or booleans
 * @param script   the script file relative to the run script's folder, {@code "<stdin>"}, or {@code null}
 *                 when typed interactively (see {@link ResultOrigin})
 * @param line     the input's first line in the script, or its history number when typed interactively
 * @param warnings the warning lines printed with the result
 * @param metric   the common measurement block
 * @param details  the magic's own figures, or {@code null}
 * @param complexity the fitted complexity on the last result of a parameter sweep, else {@code null}
 */
public record ResultRecord(
        String magic,
        String label,
        String source,
        Map<String, Object> params,
        String script,
        int line,
        List<String> warnings,
        Metric metric,
        Details details,
        SweepFit complexity) {

    /** A result that is not the last of a parameter sweep: no fitted complexity. */
    public ResultRecord(
            String magic,
            String label,
            String source,
            Map<String, Object> params,
            String script,
            int line,
            List<String> warnings,
            Metric metric,
            Details details) {
        this(magic, label, source, params, script, line, warnings, metric, details, null);
    }

    /** This result with one more param, e.g. a sweep's {@code param.n} (after the others). */
    public ResultRecord withParam(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(key, value);
        return new ResultRecord(magic, label, source, more, script, line, warnings, metric, details, complexity);
    }

    /**
     * This {@code %timeit} or {@code %compare} result with the runs its figures leave out (runs on fresh memory while
     * the heap grew): kept in the export beside the reported runs, with the finding that says why. The metric's
     * samples stay the reported runs, so {@code perfshell compare} judges by the same rule as the magic.
     */
    public ResultRecord withRunsLeftOut(double[] leftOutPerOpNanos, dev.perfshell.timing.Finding why) {
        if (leftOutPerOpNanos.length == 0 || !(details instanceof TimeitDetails t)) return this;
        List<dev.perfshell.timing.Finding> findings = new java.util.ArrayList<>(t.findings());
        if (why != null) findings.add(why);
        return new ResultRecord(
                magic,
                label,
                source,
                params,
                script,
                line,
                warnings,
                metric,
                new TimeitDetails(
                        t.loops(), t.runsPerOpNanos(), t.stats(), t.allocatedBytesPerOp(), findings, leftOutPerOpNanos),
                complexity);
    }

    /** This result carrying a sweep's fitted complexity (the sweep's last result). */
    public ResultRecord withComplexity(SweepFit fit) {
        return new ResultRecord(magic, label, source, params, script, line, warnings, metric, details, fit);
    }

    /** A magic's own figures, exported next to the common fields. */
    public sealed interface Details
            permits TimeitDetails,
                    TimeDetails,
                    MemitDetails,
                    SizeofDetails,
                    PrunDetails,
                    LinesDetails,
                    FlameDetails,
                    JmhDetails {}

    /**
     * {@code %timeit}'s figures, ns per operation.
     *
     * @param loops               operations per run (the mean, rounded, when runs are time-boxed)
     * @param runsPerOpNanos      one value per run
     * @param stats               statistics of those values
     * @param allocatedBytesPerOp bytes allocated per operation; NaN when unknown
     */
    public record TimeitDetails(
            long loops,
            double[] runsPerOpNanos,
            RunStatistics stats,
            double allocatedBytesPerOp,
            List<dev.perfshell.timing.Finding> findings,
            double[] runsLeftOutPerOpNanos)
            implements Details {
        public TimeitDetails {
            runsPerOpNanos = runsPerOpNanos.clone();
            Objects.requireNonNull(stats, "stats");
            findings = findings == null ? List.of() : List.copyOf(findings);
            runsLeftOutPerOpNanos = runsLeftOutPerOpNanos == null ? new double[0] : runsLeftOutPerOpNanos.clone();
        }

        public TimeitDetails(
                long loops,
                double[] runsPerOpNanos,
                RunStatistics stats,
                double allocatedBytesPerOp,
                List<dev.perfshell.timing.Finding> findings) {
            this(loops, runsPerOpNanos, stats, allocatedBytesPerOp, findings, new double[0]);
        }

        public TimeitDetails(long loops, double[] runsPerOpNanos, RunStatistics stats, double allocatedBytesPerOp) {
            this(loops, runsPerOpNanos, stats, allocatedBytesPerOp, List.of());
        }

        @Override
        public double[] runsPerOpNanos() {
            return runsPerOpNanos.clone();
        }

        @Override
        public double[] runsLeftOutPerOpNanos() {
            return runsLeftOutPerOpNanos.clone();
        }
    }

    /** {@code %time}'s figures: the single run's times in ns and its garbage collections. */
    public record TimeDetails(
            long wallNanos,
            long userNanos,
            long systemNanos,
            long processCpuNanos,
            long gcCount,
            long gcTimeNanos,
            long compileNanos)
            implements Details {}

    /**
     * {@code %memit}'s figures, in bytes (the repeat with the highest peak); -1 where unknown (RSS without /proc).
     *
     * @param allocatedBytesPerOp the looped expression's B/op, NaN when not measured
     * @param ops                 operations of that loop, 0 when not measured
     */
    public record MemitDetails(
            long peakBytes,
            long incrementBytes,
            long allocatedBytes,
            double allocatedBytesPerOp,
            long ops,
            long retainedBytes,
            long gcCount,
            long gcTimeNanos,
            long peakRssBytes,
            long rssIncrementBytes,
            Long valueBytes)
            implements Details {}

    /**
     * {@code %sizeof}'s figures: the deep footprint of a value.
     *
     * @param classes per class: class name, instance count, bytes; largest first
     */
    public record SizeofDetails(String rootClass, long totalBytes, long objects, List<ClassBytes> classes)
            implements Details {
        public SizeofDetails {
            classes = List.copyOf(classes);
        }
    }

    /**
     * {@code %prun}'s figures: the profile's rows, times in ns (from samples, or from clock probes with their cost
     * subtracted; 0 with --counts).
     *
     * @param mode        {@code sampled}, {@code timed} or {@code counts}
     * @param samples     the statement's samples the times rest on (0 unless sampled)
     * @param probeSamples samples in the probes' own code, left out (0 unless sampled)
     * @param repeats     runs of the statement (-n); the figures are per run
     * @param methods     the rows with the most self time, at most {@link #PRUN_ROWS_KEPT}
     * @param methodCount rows in the whole profile
     */
    public record PrunDetails(
            long totalNanos,
            long subtractedNanosPerCall,
            boolean timed,
            int threads,
            boolean partial,
            List<dev.perfshell.repl.profile.Profile.MethodStats> methods,
            int methodCount,
            String mode,
            long samples,
            long probeSamples,
            int repeats)
            implements Details {
        public PrunDetails {
            methods = List.copyOf(methods);
        }
    }

    /** {@code %lprun}'s (ns) or {@code %mprun}'s (bytes) figures per method and line. */
    public record LinesDetails(dev.perfshell.repl.lines.LineProfile profile) implements Details {}

    /**
     * {@code %flame}'s figures: the flat profile's rows (samples per method), highest self first.
     *
     * @param event   the event that really ran (cpu may have become itimer)
     * @param backend {@code async-profiler} or {@code JFR}
     * @param html    the flame graph written, or {@code null}
     * @param threads samples per thread with {@code --threads}, most first; empty otherwise
     * @param jfr     the JFR recording written with {@code --jfr FILE}, or {@code null}
     */
    public record FlameDetails(
            String event,
            String backend,
            long samples,
            long ops,
            List<dev.perfshell.repl.flame.FlatProfile.Row> top,
            String html,
            List<dev.perfshell.repl.flame.FoldedStacks.ThreadSamples> threads,
            String jfr)
            implements Details {
        public FlameDetails {
            top = List.copyOf(top);
            threads = List.copyOf(threads);
        }
    }

    /**
     * {@code %jmh}'s figures: JMH's own JSON object for this result, unchanged (exported as a
     * one-element array, the shape JMH Visualizer and other JMH tools read).
     */
    public record JmhDetails(com.fasterxml.jackson.databind.JsonNode json) implements Details {}

    /**
     * A {@code %jmh} result, one per parameter combination: metric {@code time} in ns/op or, in
     * throughput mode, {@code throughput} in ops/s with direction {@code higher} (the schema's units,
     * whatever {@code -tu} JMH printed in);
     * samples JMH's iteration scores, center JMH's score, interval JMH's 99.9 % confidence interval,
     * and with several forks each fork's iterations.
     *
     * @param params the options given and this result's JMH parameters ({@code p.n})
     */
    public static ResultRecord jmh(
            String label,
            String source,
            Map<String, Object> params,
            dev.perfshell.repl.jmh.JmhResult result,
            List<String> warnings,
            ResultOrigin origin) {
        dev.perfshell.repl.jmh.JmhResult.Score score = result.primary();
        boolean throughput = "thrpt".equals(result.mode());
        java.util.function.DoubleUnaryOperator unit = result::canonical;
        List<Metric.EngineSamples> forks = score.perFork().size() < 2
                ? List.of()
                : score.perFork().stream()
                        .map(values -> java.util.Arrays.stream(values).map(unit).toArray())
                        .map(values -> new Metric.EngineSamples(
                                values,
                                java.util.Arrays.stream(values).average().orElse(Double.NaN)))
                        .toList();
        Metric metric = new Metric(
                throughput ? "throughput" : "time",
                result.canonicalUnit(),
                throughput ? Metric.Direction.HIGHER : Metric.Direction.LOWER,
                java.util.Arrays.stream(score.all()).map(unit).toArray(),
                unit.applyAsDouble(score.score()),
                unit.applyAsDouble(score.low()),
                unit.applyAsDouble(score.high()),
                forks);
        Map<String, Object> all = new LinkedHashMap<>(params);
        result.params().forEach((name, value) -> all.put("p." + name, value));
        return new ResultRecord(
                "jmh",
                label,
                source,
                all,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new JmhDetails(result.json()));
    }

    /** One row of a footprint. */
    public record ClassBytes(String className, long count, long bytes) {}

    public ResultRecord {
        Objects.requireNonNull(magic, "magic");
        Objects.requireNonNull(metric, "metric");
        source = source == null ? "" : source;
        label = label == null || label.isEmpty() ? null : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Where the result's input came from. */
    public ResultOrigin origin() {
        return new ResultOrigin(script, line);
    }

    /**
     * A {@code %timeit} result: metric {@code time} in ns/op, samples the per-run values, center the
     * median, interval the 99.9 % confidence interval of the mean.
     *
     * @param setup the setup code (cell's first line, {@code --setup}), empty for none
     * @param plan  the plan asked for: its non-default values are the params
     * @param fresh whether it was timed in a fresh engine ({@code --fresh})
     */
    public static ResultRecord timeit(
            TimeitReport report, String setup, TimeitPlan plan, boolean fresh, ResultOrigin origin) {
        RunStatistics stats = report.stats();
        Metric metric = new Metric(
                "time",
                "ns/op",
                Metric.Direction.LOWER,
                report.perOpNanos(),
                stats.median(),
                stats.ciLow(),
                stats.ciHigh());
        return new ResultRecord(
                "timeit",
                report.label(),
                report.source(),
                timeitParams(setup, plan, fresh),
                origin.script(),
                origin.line(),
                report.warnings(),
                metric,
                new TimeitDetails(
                        report.loopsPerRun(),
                        report.perOpNanos(),
                        stats,
                        report.allocatedBytesPerOp(),
                        report.findings()));
    }

    /** Only what the user chose: defaults are left out, so a change of default does not look like a change of params. */
    private static Map<String, Object> timeitParams(String setup, TimeitPlan plan, boolean fresh) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (setup != null && !setup.isBlank()) params.put("setup", setup.strip());
        if (plan.loops() > 0) params.put("loops", plan.loops());
        if (plan.runs() > 0) params.put("runs", plan.runs());
        if (plan.warmupRuns() > 0) params.put("warmupRuns", plan.warmupRuns());
        if (plan.warmupNanos() > 0) params.put("warmupNanos", plan.warmupNanos());
        if (plan.budgetNanos() > 0) params.put("budgetNanos", plan.budgetNanos());
        if (plan.opsPerInvocation() > 1) params.put("opsPerInvocation", plan.opsPerInvocation());
        if (fresh) params.put("fresh", true);
        return params;
    }

    /** A {@code %time} result: metric {@code wall} in ns, one sample, no interval. */
    public static ResultRecord time(String source, OnceTiming timing, ResultOrigin origin) {
        double wall = timing.wallNanos();
        Metric metric =
                new Metric("wall", "ns", Metric.Direction.LOWER, new double[] {wall}, wall, Double.NaN, Double.NaN);
        return new ResultRecord(
                "time",
                null,
                source,
                Map.of(),
                origin.script(),
                origin.line(),
                List.of(),
                metric,
                new TimeDetails(
                        timing.wallNanos(),
                        timing.userNanos(),
                        timing.systemNanos(),
                        timing.processCpuNanos(),
                        timing.gcCount(),
                        timing.gcMillis() * 1_000_000,
                        timing.compileNanos()));
    }

    /**
     * A {@code %memit} result: metric {@code allocated} in bytes, one sample per repeat (exact, unlike the
     * heap peak, whose TLAB granularity makes it a poor thing to compare), center the median.
     */
    public static ResultRecord memit(
            String label,
            dev.perfshell.repl.memory.MemitReport report,
            Map<String, Object> params,
            ResultOrigin origin) {
        double[] allocated = report.runs().stream()
                .mapToDouble(dev.perfshell.repl.link.MemitRun::allocatedBytes)
                .toArray();
        double[] sorted = allocated.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        Metric metric =
                new Metric("allocated", "bytes", Metric.Direction.LOWER, allocated, median, Double.NaN, Double.NaN);
        dev.perfshell.profiling.memory.MemitResult r = report.result();
        List<String> warnings = report.stopped().isEmpty() ? List.of() : List.of(report.stopped());
        return new ResultRecord(
                "memit",
                label,
                report.source(),
                params,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new MemitDetails(
                        r.peakBytes(),
                        r.incrementBytes(),
                        r.allocatedBytes(),
                        r.allocatedBytesPerOp(),
                        report.perOp() == null ? 0 : report.perOp().ops(),
                        r.retainedBytes(),
                        r.gcCount(),
                        r.gcTimeNanos(),
                        r.peakRssBytes(),
                        r.rssIncrementBytes(),
                        report.value() == null ? null : report.value().totalBytes()));
    }

    /**
     * One value of a {@code %memit --param} sweep: metric {@code allocated} in {@code bytes/op}, one sample (the
     * looped expression's exact allocation per operation), no interval; no details beyond the metric (there is no
     * single run's heap peak to report).
     */
    public static ResultRecord memitPerOp(
            String label, String source, Map<String, Object> params, double bytesPerOp, ResultOrigin origin) {
        Metric metric = new Metric(
                "allocated",
                "bytes/op",
                Metric.Direction.LOWER,
                new double[] {bytesPerOp},
                bytesPerOp,
                Double.NaN,
                Double.NaN);
        // ops (how often it was looped) varies from run to run: not a param, or comparisons would never match.
        return new ResultRecord(
                "memit", label, source, params, origin.script(), origin.line(), List.of(), metric, null);
    }

    /** A {@code %sizeof} result: metric {@code footprint} in bytes, one sample. */
    public static ResultRecord sizeof(
            String label, String source, dev.perfshell.repl.link.Footprint footprint, ResultOrigin origin) {
        double total = footprint.totalBytes();
        Metric metric = new Metric(
                "footprint", "bytes", Metric.Direction.LOWER, new double[] {total}, total, Double.NaN, Double.NaN);
        List<ClassBytes> classes = footprint.rows().stream()
                .map(row -> new ClassBytes(row.className(), row.count(), row.bytes()))
                .toList();
        return new ResultRecord(
                "sizeof",
                label,
                source,
                Map.of(),
                origin.script(),
                origin.line(),
                List.of(),
                metric,
                new SizeofDetails(footprint.rootClass(), footprint.totalBytes(), footprint.objects(), classes));
    }

    /**
     * A {@code %prun} result: metric {@code total} in ns (the statement's wall time: with -n, one run's from the sampled
     * runs; otherwise the one run's, under the probes), one sample;
     * rows sorted by self time, largest first.
     */
    public static ResultRecord prun(String label, dev.perfshell.repl.profile.Profile profile, ResultOrigin origin) {
        double total = profile.totalNanos();
        Metric metric =
                new Metric("total", "ns", Metric.Direction.LOWER, new double[] {total}, total, Double.NaN, Double.NaN);
        List<dev.perfshell.repl.profile.Profile.MethodStats> rows = new java.util.ArrayList<>(profile.methods());
        rows.sort(java.util.Comparator.comparingLong(dev.perfshell.repl.profile.Profile.MethodStats::selfNanos)
                .reversed()
                .thenComparing(java.util.Comparator.comparingLong(dev.perfshell.repl.profile.Profile.MethodStats::calls)
                        .reversed()));
        List<String> warnings = new java.util.ArrayList<>();
        if (profile.partial()) warnings.add("partial profile: the statement did not complete");
        if (rows.size() > PRUN_ROWS_KEPT) {
            warnings.add(String.format(
                    java.util.Locale.ROOT,
                    "%,d methods: the result keeps the %,d with the most self time "
                            + "(%%prun -D FILE.json keeps them all)",
                    rows.size(),
                    PRUN_ROWS_KEPT));
        }
        return new ResultRecord(
                "prun",
                label,
                profile.source(),
                Map.of(),
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new PrunDetails(
                        profile.totalNanos(),
                        profile.subtractedNanosPerCall(),
                        profile.timed(),
                        profile.threads(),
                        profile.partial(),
                        rows.subList(0, Math.min(rows.size(), PRUN_ROWS_KEPT)),
                        rows.size(),
                        profile.mode(),
                        profile.sampling() == null ? 0 : profile.sampling().samples(),
                        profile.sampling() == null ? 0 : profile.sampling().probeSamples(),
                        profile.repeats()));
    }

    /**
     * The rows a {@code %prun} result keeps: the store lives as long as the shell and every row goes into the JSON
     * export, so a profile of a million methods must not be kept whole (its {@code -D} dump has every row).
     */
    public static final int PRUN_ROWS_KEPT = 1_000;

    /**
     * A {@code %flame} result: metric {@code time} in ns/op, the statement's mean wall time per run while sampled
     * (profiler cost included, one sample: a sampling profile is for where time goes, %timeit for how much);
     * details carry the whole flat profile.
     */
    public static ResultRecord flame(
            String label,
            dev.perfshell.repl.flame.FlameReport report,
            Map<String, Object> params,
            ResultOrigin origin) {
        double perOp = report.ops() == 0 ? report.nanos() : (double) report.nanos() / report.ops();
        Metric metric = new Metric(
                "time", "ns/op", Metric.Direction.LOWER, new double[] {perOp}, perOp, Double.NaN, Double.NaN);
        List<String> warnings = new java.util.ArrayList<>();
        if (!report.notes().isEmpty()) warnings.add(report.notes());
        if (report.threw() != null) warnings.add("the statement threw " + report.threw());
        return new ResultRecord(
                "flame",
                label,
                report.source(),
                params,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new FlameDetails(
                        report.event(),
                        report.backend(),
                        report.flat().samples(),
                        report.ops(),
                        report.flat().rows(),
                        report.html(),
                        report.threads(),
                        report.jfr()));
    }

    /**
     * A {@code %lprun} or {@code %mprun} result: metric {@code total} (ns, the chosen methods' lines summed) or
     * {@code allocated} (bytes), one sample.
     */
    public static ResultRecord lines(
            String magic, String label, dev.perfshell.repl.lines.LineProfile profile, ResultOrigin origin) {
        boolean bytes = profile.kind() == dev.perfshell.repl.lines.LineProfile.Kind.BYTES;
        double total = profile.methods().stream()
                .mapToLong(dev.perfshell.repl.lines.LineProfile.MethodLines::total)
                .sum();
        Metric metric = new Metric(
                bytes ? "allocated" : "total",
                bytes ? "bytes" : "ns",
                Metric.Direction.LOWER,
                new double[] {total},
                total,
                Double.NaN,
                Double.NaN);
        List<String> warnings =
                profile.partial() ? List.of("partial profile: the statement did not complete") : List.of();
        return new ResultRecord(
                magic,
                label,
                profile.source(),
                Map.of(),
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new LinesDetails(profile));
    }
}
