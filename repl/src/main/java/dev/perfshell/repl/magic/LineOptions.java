package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.repl.lines.MethodChoices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options %lprun and %mprun share, a picocli mixin: the methods to profile ({@code -f}, {@code -c}), what the
 * report leaves out ({@code -s}), where it goes ({@code -q}, {@code -r}, {@code -T}) and where jar classes' sources
 * are ({@code --source-path}).
 */
final class LineOptions {
    @NamesInSession(NamesInSession.Kind.METHOD)
    @Option(
            names = "-f",
            paramLabel = "METHOD",
            description = "A method to profile (repeatable): fib, fib(int), Box::twice, com.acme.Work::run.")
    List<String> methods = new ArrayList<>();

    @NamesInSession(NamesInSession.Kind.CLASS)
    @Option(
            names = "-c",
            paramLabel = "CLASS",
            description = "Every method of a class (repeatable): a session class or a jar's (com.acme.Work).")
    List<String> classes = new ArrayList<>();

    @Option(
            names = {"-s", "-z"},
            description = "Skip methods that never ran.")
    boolean skipUnhit;

    @Option(names = "-q", description = "Quiet: print nothing (use with -T or -r; %%lprun also -D).")
    boolean quiet;

    @Option(
            names = "-r",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the result (LineResult: hits(method, line), value(method, line), total(method)) to NAME or $lN.")
    String bind;

    @Option(names = "-T", paramLabel = "FILE", description = "Also write the printed report to FILE.")
    String textFile;

    @Option(
            names = "--source-path",
            paramLabel = "DIRS",
            split = ":",
            description = "Folders of .java sources for jar classes (repeatable or ':'-separated).")
    List<Path> sourcePath = new ArrayList<>();

    /** Neither {@code -f} nor {@code -c}: nothing to weave probes into. */
    boolean noneChosen() {
        return methods.isEmpty() && classes.isEmpty();
    }

    /**
     * The methods {@code -f} and {@code -c} name, in that order.
     *
     * @throws IllegalArgumentException naming a method or class the session does not have
     */
    List<LineProfiler.Choice> choices(MethodChoices resolver) {
        List<LineProfiler.Choice> choices = new ArrayList<>();
        for (String method : methods) choices.addAll(resolver.method(method));
        for (String type : classes) choices.add(resolver.wholeClass(type));
        return choices;
    }
}
