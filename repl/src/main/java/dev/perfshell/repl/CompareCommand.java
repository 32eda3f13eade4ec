package dev.perfshell.repl;

import dev.perfshell.repl.compare.CompareException;
import dev.perfshell.repl.compare.CompareMarkdown;
import dev.perfshell.repl.compare.CompareRenderer;
import dev.perfshell.repl.compare.Comparer;
import dev.perfshell.repl.compare.Comparison;
import dev.perfshell.repl.compare.FailOn;
import dev.perfshell.repl.compare.ResultsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code perfshell compare BASE.json NEW.json}: whether each result got faster, slower or stayed the same
 * between two {@code perfshell run --json} files; a check for CI. Exit codes: 0 no regression, 1 a
 * regression beyond the threshold (with {@code --fail-on any-change} also a speed-up), 2 bad input.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two results files (perfshell run --json): per result faster, slower or unchanged, "
                    + "with Mann-Whitney U and Welch's t, a 95%% interval of the change and a noise threshold.",
            "Exit codes: 0 no regression, 1 a significant regression beyond the threshold, 2 bad input."
        })
final class CompareCommand implements Callable<Integer> {
    // Main.execute hands its injected streams to picocli (setOut/setErr reach every subcommand).
    @CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.json", description = "The reference run.")
    String base;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The run to judge.")
    String candidate;

    @Option(
            names = "--threshold",
            paramLabel = "PCT",
            converter = PercentConverter.class,
            description = "Noise threshold in percent: significant changes smaller than this are not regressions "
                    + "(default: ${DEFAULT-VALUE}).")
    double threshold = Comparer.DEFAULT_THRESHOLD_PERCENT;

    @Option(names = "--markdown", description = "Write a GitHub-flavoured Markdown table (for pull-request comments).")
    boolean markdown;

    @Option(
            names = "--fail-on",
            paramLabel = "regression|any-change",
            converter = FailOnConverter.class,
            description = "Exit 1 on a regression (default), or on any change beyond the threshold.")
    FailOn failOn = FailOn.REGRESSION;

    @Override
    public Integer call() {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--threshold must be a percentage ≥ 0, e.g. --threshold 5 (found " + threshold + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Comparison comparison = new Comparer(threshold, failOn)
                    .compare(
                            ResultsReader.read(Path.of(base), base), ResultsReader.read(Path.of(candidate), candidate));
            List<String> lines = markdown ? CompareMarkdown.render(comparison) : CompareRenderer.render(comparison);
            lines.forEach(out::println);
            out.flush();
            return comparison.exitCode();
        } catch (CompareException e) {
            out.flush();
            err.println("perfshell compare: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        } catch (java.nio.file.InvalidPathException e) {
            err.println("perfshell compare: " + e.getInput() + ": not a valid path (" + e.getReason() + ")");
            err.flush();
            return Main.USAGE;
        }
    }

    /** {@code 5}, {@code 2.5} or {@code 5%}. */
    static final class PercentConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
            try {
                return Double.parseDouble(number.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a percentage such as 5 or 2.5, found '" + value + "'");
            }
        }
    }

    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
