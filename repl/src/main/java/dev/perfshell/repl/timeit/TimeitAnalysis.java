package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.session.Session;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitFindings;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.BlackholeCheck;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What %timeit makes of the runs the engine measured, the same for one timing, for each value of a {@code --param}
 * sweep and, without the folding control, for each snippet of a %compare ({@link #interleaved}): the folding
 * control's verdict ({@link FoldingControl}), the runs that measured the snippet alone ({@link SteadyRuns}), and the
 * statistics and findings of a {@link TimeitReport}, held against the empty loop's floor. The magic then only says
 * the notes, records the result and renders it.
 */
public final class TimeitAnalysis {
    private final Session session;
    private final FoldingControl control;
    private final String label;

    /**
     * @param keepProfiles      time the folding control as the snippet was timed (see {@link FoldingControl})
     * @param controlClassNames a fresh class name for each control
     * @param label             the report's label ({@code --label}), empty for none
     */
    public TimeitAnalysis(Session session, boolean keepProfiles, Supplier<String> controlClassNames, String label) {
        this.session = session;
        this.control = new FoldingControl(session, keepProfiles, controlClassNames);
        this.label = label;
    }

    /**
     * One timing's report, and the steady runs it was made from: their notes say which runs were left out, and why
     * (a note, not a finding: the figures come from the others).
     */
    public record Analysed(TimeitReport report, SteadyRuns steady) {}

    /**
     * @param timed       the class the engine timed
     * @param code        the snippet as typed
     * @param measured    the engine's runs
     * @param paramFields a sweep value's field for the folding control, or none
     */
    public Analysed of(
            TimedSnippet timed,
            String code,
            String setup,
            TimeitRuns measured,
            TimeitPlan plan,
            List<String> paramFields) {
        List<Finding> folded = control.findings(timed.source(), timed.binaryName(), setup, measured, plan, paramFields);
        return analysed(label, code, SteadyRuns.of(measured), folded, plan.opsPerInvocation(), floor(session));
    }

    /**
     * %compare's snippets, whose runs alternated in one call: each snippet's report by %timeit's rules, from the runs
     * left when runs on fresh memory (each snippet's own) and rounds that waited for a CPU (the same rounds for every
     * snippet) are left out ({@link SteadyRuns#ofInterleaved}). %compare runs no folding control.
     *
     * @param labels   each snippet's report label, in the snippets' order
     * @param codes    each snippet as typed
     * @param measured each snippet's runs, one operation per call
     */
    public static List<Analysed> interleaved(
            Session session, List<String> labels, List<String> codes, List<TimeitRuns> measured) {
        double floor = floor(session);
        List<SteadyRuns> steadies = SteadyRuns.ofInterleaved(measured);
        List<Analysed> analysed = new ArrayList<>();
        for (int k = 0; k < codes.size(); k++)
            analysed.add(analysed(labels.get(k), codes.get(k), steadies.get(k), List.of(), 1, floor));
        return analysed;
    }

    /** The empty loop's time per call in this engine (its blackhole check), or NaN before the check has run. */
    private static double floor(Session session) {
        return session.blackhole().map(BlackholeCheck::emptyNanos).orElse(Double.NaN);
    }

    /**
     * @param folded the folding control's findings, first in the report
     * @param ops    operations per snippet call ({@code --ops})
     */
    private static Analysed analysed(
            String label, String code, SteadyRuns steady, List<Finding> folded, long ops, double floor) {
        TimeitRuns runs = steady.runs();
        RunStatistics stats = RunStatistics.of(runs.perOpNanos());
        List<Finding> findings = new ArrayList<>(folded);
        findings.addAll(steady.warnings());
        // The control's verdict is the stronger signal: no second line saying the same.
        boolean skipFloor = !folded.isEmpty() || code.strip().matches("[{};\\s]*");
        findings.addAll(TimeitFindings.of(runs.evidence(ops, floor, skipFloor), stats));
        TimeitReport report = TimeitReport.of(
                label,
                code,
                runs.loopsPerRun(),
                runs.perOpNanos(),
                runs.allocatedBytesPerOp(ops),
                runs.warmupNanos(),
                runs.warmupRuns(),
                runs.settled(),
                findings);
        return new Analysed(report, steady);
    }
}
