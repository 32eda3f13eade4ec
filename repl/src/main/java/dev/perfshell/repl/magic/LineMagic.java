package dev.perfshell.repl.magic;

import dev.perfshell.repl.engine.EngineException;
import dev.perfshell.repl.engine.EngineRequest;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineReader;
import dev.perfshell.repl.lines.MethodChoices;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.shell.Console;
import dev.perfshell.repl.shell.JavaEvaluator;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What %lprun and %mprun share: choosing methods ({@code -f}, {@code -c}), weaving line probes into them for
 * one run of the statement, reading the figures back onto the source lines, and the report's options.
 */
abstract class LineMagic extends BaseMagic {
    @Option(names = "-f", paramLabel = "METHOD", description = "A method to profile (repeatable): fib, fib(int), Box::twice, com.acme.Work::run.")
    List<String> methods = new ArrayList<>();

    @Option(names = "-c", paramLabel = "CLASS", description = "Every method of a class (repeatable): a session class or a jar's (com.acme.Work).")
    List<String> classes = new ArrayList<>();

    @Option(names = {"-s", "-z"}, description = "Skip methods that never ran.")
    boolean skipUnhit;

    @Option(names = "-q", description = "Quiet: print nothing (use with -T, -D or -r).")
    boolean quiet;

    @Option(names = "-r", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Bind the result (LineResult: hits(method, line), value(method, line), total(method)) to NAME or $lN.")
    String bind;

    @Option(names = "-T", paramLabel = "FILE", description = "Also write the printed report to FILE.")
    String textFile;

    @Option(names = "--source-path", paramLabel = "DIRS", split = ":",
            description = "Folders of .java sources for jar classes (repeatable or ':'-separated).")
    List<Path> sourcePath = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME", description = "Name the result (for exports and comparisons).")
    String label;

    @Override
    public boolean acceptsCell() {
        return true;
    }

    /** %lprun's time or %mprun's bytes. */
    abstract LineProfile.Kind kind();

    /** Checks the magic's own options before anything runs; the problem's line, or {@code null}. */
    abstract String checkOptions();

    /** The report's lines. */
    abstract List<String> render(LineProfile profile);

    /** Writes the magic's files (-T, -D); the confirmation lines. */
    abstract List<String> save(LineProfile profile, List<String> report) throws java.io.IOException;

    private String magic() {
        return kind() == LineProfile.Kind.TIME ? "lprun" : "mprun";
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String code = input.text();
        String name = "%" + magic();
        if (code.isBlank()) {
            console.error(name + " needs a statement to run. Example: " + name + " -f fib fib(20)");
            return false;
        }
        if (methods.isEmpty() && classes.isEmpty()) {
            console.error(name + " needs the methods to profile: -f METHOD (repeatable) or -c CLASS. Example: " + name + " -f fib fib(20)");
            return false;
        }
        String problem = checkOptions();
        if (problem != null) {
            console.error(name + ": " + problem);
            return false;
        }
        List<HashMap<String, Object>> choices = new ArrayList<>();
        try {
            MethodChoices resolver = new MethodChoices(session.engine().jshell());
            for (String method : methods) choices.addAll(resolver.method(method));
            for (String type : classes) choices.add(resolver.wholeClass(type));
        } catch (IllegalArgumentException e) {
            console.error(name + ": " + e.getMessage());
            return false;
        }
        try {
            session.request(EngineRequest.linesArm(choices, kind() == LineProfile.Kind.BYTES, session.engine().classBytesToSend()));
        } catch (EngineException e) {
            console.error(name + " could not install its probes: " + e.getMessage());
            return false;
        }
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        JavaEvaluator.Result result = context.evaluator().evaluateDiscardingValues(code, values::add, errors::add);
        if (!session.engine().alive()) {
            errors.forEach(console::error);
            return false; // the shell reports the death; a new engine has no probes
        }
        Map<?, ?> wire = session.request(EngineRequest.linesTake());
        if (!result.ran()) {
            errors.forEach(console::error);
            if (result.nothingToRun()) console.error(JavaEvaluator.Result.nothingRanMessage("%" + magic(), "%" + magic() + " -f fib fib(25)"));
            return false;
        }
        List<String> layout = kind() == LineProfile.Kind.BYTES && wire.get("layoutFlags") instanceof List<?> flags
                ? flags.stream().map(String::valueOf).toList() : List.of();
        LineProfile profile = new LineReader(session.engine().jshell(), sourcePath).read(kind(), code, wire, layout, result.failed());
        context.record(origin -> ResultRecord.lines(magic(), label, profile, origin));
        List<String> report = render(profile);
        if (!quiet) report.forEach(console::println);
        try {
            save(profile, report).forEach(console::println);
        } catch (java.io.IOException e) {
            console.error(name + ": could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        values.forEach(console::println);
        errors.forEach(console::error);
        boolean bound = bind == null || context.binder().bind('l', bind, constructor(profile), context.evaluator(), console);
        return !result.failed() && bound;
    }

    /** Java that rebuilds the figures in the engine as a LineResult, for {@code -r}. */
    static String constructor(LineProfile profile) {
        StringBuilder names = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        StringBuilder hits = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (LineProfile.MethodLines m : profile.methods()) {
            String sep = names.length() == 0 ? "" : ", ";
            names.append(sep).append('"').append(m.method().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            lines.append(sep).append("new int[] {");
            hits.append(sep).append("new long[] {");
            values.append(sep).append("new long[] {");
            String inner = "";
            for (LineProfile.Line line : m.lines()) {
                lines.append(inner).append(line.number());
                hits.append(inner).append(line.hits()).append('L');
                values.append(inner).append(line.value()).append('L');
                inner = ", ";
            }
            lines.append('}');
            hits.append('}');
            values.append('}');
        }
        return "new dev.perfshell.profiling.probe.LineResult(new String[] {" + names + "}, new int[][] {" + lines
                + "}, new long[][] {" + hits + "}, new long[][] {" + values + "})";
    }
}
