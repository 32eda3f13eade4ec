package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.MetricText;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsEnvironment;
import dev.perfshell.repl.results.ResultsJson;
import dev.perfshell.repl.results.ResultsStore;
import dev.perfshell.repl.results.Tool;
import dev.perfshell.repl.script.MagicArgs;
import dev.perfshell.repl.timeit.TimeDetails;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.runtime.Units;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %results [list|show N|save [-f] FILE.json|clear]}: the session's results store, the record
 * every measuring magic adds, and its JSON export (schema {@code perfshell-results/1}).
 */
@Command(
        name = "results",
        description = "The session's results: list, show N, save [-f] FILE.json (JSON export), clear.",
        footer = {
            "",
            "%%timeit and %%time add a result each time they measure. 'save' writes schema perfshell-results/1 (docs/results-schema.json) atomically, and refuses to overwrite a file without -f. 'perfshell run FILE.jsh --json OUT' writes the same file at the end of a script."
        })
final class ResultsMagic extends BaseMagic {
    @Parameters(
            paramLabel = "[list | show N | save [-f] FILE.json | clear]",
            arity = "0..*",
            hideParamSyntax = true,
            description = "What to do with the results (default: list).")
    List<String> arguments = new ArrayList<>();

    private static final int SOURCE_WIDTH = 40;

    @Option(
            names = {"-f", "--force"},
            description = "save: overwrite an existing file.")
    boolean force;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        List<String> words = new ArrayList<>();
        for (MagicArgs.Token token : MagicArgs.tokenize(input.code())) {
            if (token.text().equals("-f") || token.text().equals("--force")) force = true;
            else words.add(token.text());
        }
        String action = words.isEmpty() ? "list" : words.get(0);
        List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
        ResultsStore store = context.results();
        switch (action) {
            case "list":
                if (!args.isEmpty()) return usage(console, "list takes nothing, got '" + String.join(" ", args) + "'");
                list(store, console);
                return true;
            case "show":
                return show(store, args, console);
            case "save":
                if (args.size() != 1) return usage(console, "save takes one file name, e.g. %results save bench.json");
                return save(context, Path.of(args.get(0)), console);
            case "clear":
                if (!args.isEmpty()) return usage(console, "clear takes nothing, got '" + String.join(" ", args) + "'");
                int cleared = store.clear();
                console.println("Cleared " + count(cleared) + ".");
                return true;
            default:
                return usage(console, "unknown action '" + action + "'");
        }
    }

    private static boolean usage(Console console, String problem) {
        console.error("%results: " + problem + ". Usage: %results [list | show N | save [-f] FILE.json | clear]");
        return false;
    }

    private static void list(ResultsStore store, Console console) {
        List<ResultRecord> all = store.all();
        if (all.isEmpty()) {
            console.println("No results yet: %timeit and %time add one each time they measure.");
            return;
        }
        int width = String.valueOf(all.size()).length();
        for (int i = 0; i < all.size(); i++) {
            ResultRecord record = all.get(i);
            console.println(String.format(
                    Locale.ROOT,
                    "%" + width + "d  %-7s %-" + SOURCE_WIDTH + "s  %s",
                    i + 1,
                    "%" + record.magic(),
                    MetricText.name(record, SOURCE_WIDTH),
                    value(record.metric().center(), record.metric().unit())));
        }
    }

    private static boolean show(ResultsStore store, List<String> args, Console console) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,9}"))
            return usage(console, "show takes a result number, e.g. %results show 1");
        int number = Integer.parseInt(args.get(0));
        ResultRecord record = store.get(number).orElse(null);
        if (record == null) {
            console.error("%results: no result " + number + " (there "
                    + (store.size() == 1 ? "is 1" : "are " + store.size()) + "). Next: %results list.");
            return false;
        }
        Metric metric = record.metric();
        String unit = metric.unit();
        console.println("Result " + number + ": %" + record.magic()
                + (record.label() == null ? "" : " --label " + record.label()));
        field(
                console,
                "source",
                record.source().lines().findFirst().orElse("")
                        + (record.source().lines().count() > 1 ? " …" : ""));
        field(console, "from", record.origin().describe());
        if (!record.params().isEmpty()) {
            field(
                    console,
                    "params",
                    record.params().entrySet().stream().map(ResultsMagic::param).collect(Collectors.joining(", ")));
        }
        field(
                console,
                "metric",
                metric.name() + " in " + unit + ", " + metric.direction().json() + " is better");
        field(console, "center", value(metric.center(), unit));
        if (!Double.isNaN(metric.ciLow()) && !(record.details() instanceof TimeitDetails)) {
            field(console, "interval", value(metric.ciLow(), unit) + " … " + value(metric.ciHigh(), unit));
        }
        double[] samples = metric.samples();
        field(
                console,
                "samples",
                samples.length + ": "
                        + Arrays.stream(samples).mapToObj(s -> value(s, unit)).collect(Collectors.joining(", ")));
        if (record.details() instanceof TimeitDetails timeit) {
            RunStatistics stats = timeit.stats();
            field(
                    console,
                    "loops",
                    String.format(
                            Locale.ROOT,
                            "%,d per run, %d %s",
                            timeit.loops(),
                            stats.runs(),
                            stats.runs() == 1 ? "run" : "runs"));
            field(console, "mean", Units.time(stats.mean()) + " ± " + Units.time(stats.stdev()) + " (std. dev.)");
            field(console, "median", Units.time(stats.median()) + " ± " + Units.time(stats.mad()) + " (MAD × 1.4826)");
            field(console, "min, max", Units.time(stats.min()) + ", " + Units.time(stats.max()));
            if (!Double.isNaN(stats.ciLow())) {
                field(
                        console,
                        String.format(Locale.ROOT, "%.1f%% CI", stats.ciLevel() * 100),
                        Units.time(stats.ciLow()) + " … " + Units.time(stats.ciHigh()) + " (of the mean)");
            }
            if (!Double.isNaN(timeit.allocatedBytesPerOp())) {
                field(console, "allocated", String.format(Locale.ROOT, "%.1f B/op", timeit.allocatedBytesPerOp()));
            }
        } else if (record.details() instanceof TimeDetails time) {
            field(
                    console,
                    "cpu",
                    "user " + Units.time(time.userNanos()) + ", sys " + Units.time(time.systemNanos())
                            + ", engine process " + Units.time(time.processCpuNanos()));
            field(console, "gc", time.gcCount() + " collections, " + Units.time(time.gcTimeNanos()));
        }
        for (String warning : record.warnings()) field(console, "warning", warning);
        return true;
    }

    private boolean save(MagicContext context, Path file, Console console) throws Exception {
        List<ResultRecord> all = context.results().all();
        ResultsEnvironment environment = ResultsEnvironment.of(context.session().request(EngineRequest.info()));
        try {
            ResultsJson.write(file, Tool.perfshell(), environment, all, force);
        } catch (FileAlreadyExistsException e) {
            console.error("%results save: " + file + " exists. Next: %results save -f " + file + " to overwrite it.");
            return false;
        } catch (NoSuchFileException e) {
            console.error(
                    "%results save: no folder for " + file + ". Next: create the folder, or choose another path.");
            return false;
        } catch (IOException e) {
            console.error("%results save: cannot write " + file + ": " + e.getMessage());
            return false;
        }
        console.println("Saved " + count(all.size()) + " to " + file + " (" + ResultsJson.SCHEMA + ").");
        return true;
    }

    private static void field(Console console, String name, String value) {
        console.println(String.format(Locale.ROOT, "  %-9s %s", name, value));
    }

    private static String param(Map.Entry<String, Object> entry) {
        String value = String.valueOf(entry.getValue());
        return entry.getKey() + "="
                + (value.contains("\n") ? value.lines().findFirst().orElse("") + " …" : value);
    }

    static String value(double value, String unit) {
        return MetricText.value(value, unit);
    }

    private static String count(int n) {
        return n + (n == 1 ? " result" : " results");
    }
}
