package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.session.HiddenSnippet;
import dev.perfshell.repl.session.Session;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.List;
import java.util.function.Supplier;

/**
 * %timeit's differential dead-code control: a fast snippet is timed again with its literals read from
 * fields, and a control much slower than the snippet means the JIT folded the snippet's work away (the
 * {@code folded} finding). Used by %timeit and by each value of its sweeps.
 */
public final class FoldingControl {
    private final Session session;
    private final boolean keepProfiles;
    private final Supplier<String> controlClassNames;

    /**
     * @param keepProfiles      time the control as the snippet was timed: with the engine's JIT profiles kept, or reset
     * @param controlClassNames a fresh class name for each control
     */
    public FoldingControl(Session session, boolean keepProfiles, Supplier<String> controlClassNames) {
        this.session = session;
        this.keepProfiles = keepProfiles;
        this.controlClassNames = controlClassNames;
    }

    /** Below this many ns/op a snippet gets the differential dead-code control. */
    private static final double CONTROL_BELOW_NANOS = 20;
    /**
     * The control this many times slower than the snippet means the snippet's work was folded away. A folded snippet
     * stays 5-10× faster than its control; at 1.5 (the first threshold) reading one literal from a field was enough
     * to accuse {@code Math.sqrt(x) * x + 1.0} (1.81 ns, JMH 1.81 ns).
     */
    private static final double CONTROL_RATIO = 2.5;

    private static final TimeitPlan CONTROL_PLAN = new TimeitPlan(400_000_000L, 5, 0, 200_000_000L, 0, 1);

    /**
     * The differential control: the same snippet with its literals read from fields.
     * A fast snippet that the control finds much slower was folded to a constant by the JIT.
     * Any problem building or running the control means no verdict, never a failure.
     *
     * <p>The control runs a short plan; a short plan on a busy machine can read 1.7× slow on its own. So
     * before it accuses the snippet, the snippet is timed again with the very same plan, and the two short
     * measurements are compared like for like (a folded snippet stays 5–10× faster than its control).
     */
    public List<Finding> findings(
            TimedSource timed,
            String timedClass,
            String setup,
            TimeitRuns measured,
            TimeitPlan plan,
            List<String> paramFields) {
        double median =
                dev.perfshell.timing.RunStatistics.of(measured.perOpNanos()).median();
        if (median > CONTROL_BELOW_NANOS || plan.loops() > 0) return List.of();
        LiteralInputs.Rewrite rewrite = LiteralInputs.of(timed.code().text(), !timed.expression());
        if (!rewrite.changed()) return List.of();
        try {
            TimedSource control = new TimedSourceBuilder(
                            session.engine().jshell().sourceCodeAnalysis())
                    .build(
                            controlClassNames.get(),
                            rewrite.code(),
                            setup,
                            !timed.expression(),
                            java.util.stream.Stream.concat(paramFields.stream(), rewrite.fieldDeclarations().stream())
                                    .toList());
            try (HiddenSnippet hidden = session.declareHidden(control.source())) {
                if (!hidden.accepted() || hidden.events().get(0).status() != jdk.jshell.Snippet.Status.VALID)
                    return List.of();
                TimeitPlan controlPlan = new TimeitPlan(
                        CONTROL_PLAN.budgetNanos(),
                        CONTROL_PLAN.runs(),
                        0,
                        CONTROL_PLAN.warmupNanos(),
                        0,
                        plan.opsPerInvocation());
                TimeitRuns runs = session.request(EngineRequest.timeit(
                        session.engine()
                                        .jshell()
                                        .sourceCodeAnalysis()
                                        .wrapper(hidden.snippet())
                                        .fullClassName() + "$" + control.className(),
                        controlPlan,
                        true,
                        keepProfiles));
                double controlMedian =
                        dev.perfshell.timing.RunStatistics.of(runs.perOpNanos()).median();
                if (controlMedian <= CONTROL_RATIO * median) return List.of();
                // Slower because it allocates: reading the inputs from fields defeated escape analysis (new P(x, x +
                // 1).sum()
                // read 0.55 ns, as in JMH, and its control 2.4 ns with 24 B/op). That is not folding, and not a
                // finding.
                if (allocatesMore(runs, measured, plan)) return List.of();
                double again = dev.perfshell.timing.RunStatistics.of(
                                session.request(EngineRequest.timeit(timedClass, controlPlan, true, keepProfiles))
                                        .perOpNanos())
                        .median();
                if (controlMedian <= CONTROL_RATIO * again) return List.of();
                return List.of(Finding.of(
                        Finding.Kind.FOLDED,
                        "controlNanos",
                        controlMedian,
                        "ratio",
                        controlMedian / Math.max(median, again)));
            }
        } catch (TimedSourceBuilder.SetupTypeException | EngineException | RuntimeException noVerdict) {
            return List.of();
        }
    }

    /** The control allocated at least half a byte per operation more than the snippet did. */
    static boolean allocatesMore(TimeitRuns control, TimeitRuns snippet, TimeitPlan plan) {
        double controlBytes = control.allocatedBytesPerOp(plan.opsPerInvocation());
        double snippetBytes = snippet.allocatedBytesPerOp(plan.opsPerInvocation());
        return !Double.isNaN(controlBytes) && !Double.isNaN(snippetBytes) && controlBytes >= snippetBytes + 0.5;
    }
}
