package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.plot.TimeitPlots;
import dev.perfshell.repl.render.HeadToHeadRenderer;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.HeadToHead;
import dev.perfshell.repl.timeit.JavaStatements;
import dev.perfshell.repl.timeit.SnippetList;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimingFailure;
import dev.perfshell.timing.TimeitReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code %compare A ;; B [;; C …]} and {@code %%compare} with one snippet per line: every snippet
 * timed as {@code %timeit} times one, under one plan, their runs interleaved in the engine (A B, B A,
 * …) so a busy machine's drift hits all alike; then a table and hyperfine's summary with two tests.
 */
@Command(
        name = "compare",
        description =
                "Time snippets head to head, runs interleaved: a table and hyperfine's 'A ran 1.83 times faster than B' with the ratio's 95%% interval.",
        footer = {
            "",
            "Snippets are separated by ;; outside brackets, strings and comments (for (;;) is safe); %%%%compare takes one per line, setup after its options or on its first line. 'name: code' labels one.",
            "",
            "Each is timed as %%timeit times it (JMH's loop shape, warm-up until settled); the measured runs then alternate between them. The ratio is of the runs' geometric means, its 95%% interval Welch's t on the runs' logarithms (more runs narrow it); 'may be equally fast' exactly when the interval includes 1. Mann-Whitney's exact p is shown beside it. perfshell compare uses the same model.",
            "",
            "--label NAME names the comparison: each snippet's result is NAME/its label or letter (A, B, ...)."
        })
final class CompareMagic extends SetupCellMagic {
    private static final AtomicInteger CLASS_NUMBERS = new AtomicInteger();

    /** Where setup goes: a snippet that declares a variable keeps it to itself. */
    static final String SETUP_HINT =
            "Next: setup that the snippets share goes in --setup \"CODE\", after %%compare's options, or on the "
                    + "cell's first line; a snippet's own variables are its own.";

    @Mixin
    CompareOptions options = new CompareOptions();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        SnippetList.Cell cell = input.cell()
                ? SnippetList.ofCell(input.text(), name -> sessionVariable(context.session(), name))
                : new SnippetList.Cell("", SnippetList.ofLine(input.text()));
        List<SnippetList.Entry> entries = cell.entries();
        if (entries.size() < 2) {
            console.error("%compare needs two snippets or more, separated by ;; (or one per line in %%compare). "
                    + "Example: %compare sumLoop(arr) ;; Arrays.stream(arr).sum()");
            return false;
        }
        String problem = options.problem();
        if (problem != null) {
            console.error("%compare: " + problem);
            return false;
        }
        String setup = JavaStatements.setup(input.cell() ? input.code() : "", cell.setup(), options.setupOption);
        if (!cell.setup().isEmpty() && !options.quiet)
            console.dim("note: the cell's first line is setup (untimed): the snippets below read its variables");
        try {
            if (!options.fresh()) return compare(context, context.session(), entries, setup);
            // As %timeit --fresh: code that does not compile is said before a whole session is replayed for nothing.
            List<TimedSnippet> check = declare(context.session(), entries, setup, console);
            if (check == null) return false;
            check.forEach(TimedSnippet::close);
            console.dim("--fresh: starting a new engine with the replayed session...");
            try (Session.FreshSession copy = context.session().fresh()) {
                copy.lost().forEach(lost -> console.warn("Not in the fresh engine: " + lost));
                return compare(context, copy.session(), entries, setup);
            }
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%compare: " + e.getMessage());
            return false;
        }
    }

    private boolean compare(MagicContext context, Session session, List<SnippetList.Entry> entries, String setup)
            throws Exception {
        Console console = context.console();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        List<TimedSnippet> declared = declare(session, entries, setup, console);
        if (declared == null) return false;
        try {
            List<TimeitRuns> measured;
            try {
                measured = session.request(EngineRequest.timeitInterleaved(
                        declared.stream().map(TimedSnippet::binaryName).toList(), options.plan()));
            } catch (EngineException e) {
                TimingFailure.of(session, e).ifPresent(console::error);
                return false;
            }
            report(context, session, entries, measured, setup);
            return true;
        } finally {
            declared.forEach(TimedSnippet::close);
        }
    }

    /** Every snippet's class declared in the session, or {@code null} after saying which does not compile. */
    private static List<TimedSnippet> declare(
            Session session, List<SnippetList.Entry> entries, String setup, Console console)
            throws TimedSourceBuilder.SetupTypeException {
        List<TimedSnippet> declared = new ArrayList<>();
        boolean done = false;
        try {
            for (SnippetList.Entry entry : entries) {
                TimedSnippet timed = TimedSnippet.declare(
                        session, "PerfshellCompare" + CLASS_NUMBERS.incrementAndGet(), entry.code(), setup, false);
                declared.add(timed);
                if (!timed.ok()) {
                    console.error("%compare: " + entry.name() + " does not compile:");
                    timed.errors().forEach(console::error);
                    if (timed.errors().stream().anyMatch(error -> error.contains("cannot find variable")))
                        console.error(SETUP_HINT);
                    return null;
                }
            }
            done = true;
            return declared;
        } finally {
            if (!done) declared.forEach(TimedSnippet::close);
        }
    }

    /** Each snippet's notes, its result recorded, then the warnings, the table, the summary and the plot. */
    private void report(
            MagicContext context,
            Session session,
            List<SnippetList.Entry> entries,
            List<TimeitRuns> measured,
            String setup) {
        Console console = context.console();
        List<TimeitAnalysis.Analysed> analysed = TimeitAnalysis.interleaved(
                session,
                entries.stream().map(options::resultLabel).toList(),
                entries.stream().map(SnippetList.Entry::code).toList(),
                measured);
        List<String> names = entries.stream().map(SnippetList.Entry::name).toList();
        if (!options.quiet) {
            for (int k = 0; k < entries.size(); k++)
                HeadToHeadRenderer.notes(names.get(k), analysed.get(k).steady()).forEach(console::dim);
        }
        List<TimeitReport> reports =
                analysed.stream().map(TimeitAnalysis.Analysed::report).toList();
        HeadToHead result = HeadToHead.of(names, reports);
        for (int k = 0; k < analysed.size(); k++) {
            TimeitAnalysis.Analysed snippet = analysed.get(k);
            int position = k + 1;
            context.record(origin -> options.record(snippet, setup, entries.size(), position, origin));
        }
        HeadToHeadRenderer.snippetWarnings(result).forEach(console::warn);
        HeadToHeadRenderer.warnings(result).forEach(console::warn);
        if (!options.quiet)
            HeadToHeadRenderer.table(result, options.precision()).forEach(console::println);
        HeadToHeadRenderer.summary(result).forEach(console::println);
        if (options.plot != null) TimeitPlots.compare(console, options.plot, names, reports);
    }

    private static boolean sessionVariable(Session session, String name) {
        jdk.jshell.JShell jshell = session.engine().jshell();
        return jshell.variables()
                .anyMatch(variable ->
                        variable.name().equals(name) && jshell.status(variable).isActive());
    }
}
