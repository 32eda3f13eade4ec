package dev.perfshell.repl.plot;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.timing.TimeitReport;
import java.util.List;

/**
 * %timeit's {@code --plot} drawings, titled with the snippet (cut to fit the title): one timing's runs as a histogram
 * with mean, median and CI, and a sweep's measured points with the fitted curve; and %compare's, a box plot of every
 * snippet's runs. Written as the file's name asks and
 * the path said ({@link PlotFiles#writeAndSay}); the magic only asks for the one it measured.
 */
public final class TimeitPlots {
    private TimeitPlots() {}

    /** The histogram of one timing's runs. */
    public static void histogram(Console console, String file, TimeitReport report) {
        String title = "%timeit "
                + (report.source().length() > 60 ? report.source().substring(0, 57) + "..." : report.source());
        PlotFiles.writeAndSay(
                console, "%timeit", file, Plots.histogram(title, report.perOpNanos(), report.stats()), title);
    }

    /**
     * A sweep's medians against the parameter, with the fitted curve.
     *
     * @param caption the fit's line as the sweep printed it
     */
    public static void sweep(Console console, String file, String code, SweepFit fit, String caption) {
        String title = "%timeit --param " + (code.length() > 50 ? code.substring(0, 47) + "..." : code);
        PlotFiles.writeAndSay(
                console,
                "%timeit",
                file,
                Plots.sweep(
                        title,
                        fit.parameter(),
                        fit.values().stream().mapToDouble(Long::doubleValue).toArray(),
                        fit.measured().stream().mapToDouble(Double::doubleValue).toArray(),
                        fit.unit(),
                        fit.fit(),
                        caption),
                title);
    }

    /** %compare's box plot: each snippet's runs, named as its table names it. */
    public static void compare(Console console, String file, List<String> names, List<TimeitReport> reports) {
        PlotFiles.writeAndSay(
                console,
                "%compare",
                file,
                Plots.boxes(
                        "%compare: time per operation",
                        names, reports.stream().map(TimeitReport::perOpNanos).toList()),
                "%compare");
    }
}
