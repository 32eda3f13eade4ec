package dev.perfshell.repl.timeit;

import static dev.perfshell.repl.results.JsonValues.number;
import static dev.perfshell.repl.results.JsonValues.numbers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.JsonValues;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code %timeit}'s (and {@code %compare}'s) figures in a result, ns per operation.
 *
 * @param loops                 operations per run (the mean, rounded, when runs are time-boxed)
 * @param runsPerOpNanos        one value per run
 * @param stats                 statistics of those values
 * @param allocatedBytesPerOp   bytes allocated per operation; NaN when unknown
 * @param findings              what the warnings say, as data
 * @param runsLeftOutPerOpNanos the runs the figures leave out (see {@link #withRunsLeftOut})
 */
public record TimeitDetails(
        long loops,
        double[] runsPerOpNanos,
        RunStatistics stats,
        double allocatedBytesPerOp,
        List<Finding> findings,
        double[] runsLeftOutPerOpNanos)
        implements ResultRecord.Details {
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
            List<Finding> findings) {
        this(loops, runsPerOpNanos, stats, allocatedBytesPerOp, findings, new double[0]);
    }

    @Override
    public double[] runsPerOpNanos() {
        return runsPerOpNanos.clone();
    }

    @Override
    public double[] runsLeftOutPerOpNanos() {
        return runsLeftOutPerOpNanos.clone();
    }

    /**
     * A {@code %timeit} result: metric {@code time} in ns/op, samples the per-run values, center the
     * median, interval the 99.9 % confidence interval of the mean.
     *
     * @param setup the setup code (cell's first line, {@code --setup}), empty for none
     * @param plan  the plan asked for: its non-default values are the params
     * @param fresh whether it was timed in a fresh engine ({@code --fresh})
     */
    public static ResultRecord record(
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
                params(setup, plan, fresh),
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

    /**
     * A %compare snippet's result: %timeit's record of it ({@link #record}) under %compare's name, with how many
     * snippets were compared and its place among them (from 1).
     */
    public static ResultRecord compared(ResultRecord timeit, int snippets, int position) {
        Map<String, Object> params = new LinkedHashMap<>(timeit.params());
        params.put("snippets", snippets);
        params.put("position", position);
        return new ResultRecord(
                "compare",
                timeit.label(),
                timeit.source(),
                params,
                timeit.script(),
                timeit.line(),
                timeit.warnings(),
                timeit.metric(),
                timeit.details());
    }

    /** Only what the user chose: defaults are left out, so a change of default does not look like a change of params. */
    private static Map<String, Object> params(String setup, TimeitPlan plan, boolean fresh) {
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

    /**
     * {@code record} (a {@code %timeit} or {@code %compare} result) with the runs its figures leave out (runs on fresh
     * memory while the heap grew, runs that waited for a CPU): kept in the export beside the reported runs, with the finding that says why. The
     * metric's samples stay the reported runs, so {@code perfshell compare} judges by the same rule as the magic.
     */
    public static ResultRecord withRunsLeftOut(ResultRecord record, SteadyRuns steady) {
        double[] leftOutPerOpNanos = steady.leftOutPerOpNanos();
        if (leftOutPerOpNanos.length == 0 || !(record.details() instanceof TimeitDetails t)) return record;
        List<Finding> findings = new ArrayList<>(t.findings());
        findings.addAll(steady.notes());
        return record.withDetails(new TimeitDetails(
                t.loops(), t.runsPerOpNanos, t.stats(), t.allocatedBytesPerOp(), findings, leftOutPerOpNanos));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("loops", loops);
        node.put("runs", stats.runs());
        ObjectNode perOp = node.putObject("perOpNanos");
        perOp.set("mean", number(stats.mean()));
        perOp.set("median", number(stats.median()));
        perOp.set("stdev", number(stats.stdev()));
        perOp.set("mad", number(stats.mad()));
        perOp.set("min", number(stats.min()));
        perOp.set("max", number(stats.max()));
        perOp.set("ciLow", number(stats.ciLow()));
        perOp.set("ciHigh", number(stats.ciHigh()));
        perOp.set("ciLevel", number(stats.ciLevel()));
        node.set("runsPerOpNanos", numbers(runsPerOpNanos));
        // Runs the figures leave out (a heap-growing or cpu-wait finding with leftOut says why); the metric's samples
        // exclude them.
        node.set("runsLeftOutPerOpNanos", numbers(runsLeftOutPerOpNanos));
        node.set("allocatedBytesPerOp", number(allocatedBytesPerOp));
        ArrayNode array = node.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode one = array.addObject();
            one.put("kind", finding.kind().id());
            finding.facts().forEach((name, value) -> one.set(name, JsonValues.value(value)));
        }
    }
}
