package dev.perfshell.repl.magic;

import dev.perfshell.profiling.flame.FlameSamples;
import dev.perfshell.repl.link.EngineRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %flame}'s options, a picocli mixin of the magic: what to sample and how, where the files go, and the checks
 * of their values and combinations ({@link #problem()}). The fields are declared in the order the magic declared
 * them, so Tab lists them as before.
 */
final class FlameOptions {
    private static final List<String> EVENTS = List.of("cpu", "alloc", "wall", "lock");
    private static final List<String> BACKENDS = List.of("auto", "async", "jfr");

    /** --event's values, for Tab (picocli's completion candidates). */
    static final class Events implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return EVENTS.iterator();
        }
    }

    /** --backend's values, for Tab. */
    static final class Backends implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BACKENDS.iterator();
        }
    }
    /** async-profiler's interval syntax: a number with an optional time (ns, us, ms, s) or size (k, m) suffix. */
    private static final Pattern INTERVAL = Pattern.compile("\\d+(ns|us|ms|s|k|m|kb|mb)?", Pattern.CASE_INSENSITIVE);
    /**
     * 10 ms for the time events, async-profiler's own default: measured on this project's 2-core VM
     * (scripts/bench/flame-overhead), 1 ms slowed a CPU-bound statement by 7% and 10 ms by less than the noise
     * (-1.6%), against a 5% target. 2 s then give about 200 samples; --interval 1ms or a longer --duration gives
     * more. alloc keeps async-profiler's default (one sample per TLAB).
     */
    private static final String DEFAULT_TIME_INTERVAL = "10ms";

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description = "Run the statement again and again for SECONDS (at least once; default 2).")
    double duration;

    @Option(
            names = "--event",
            paramLabel = "EVENT",
            defaultValue = "cpu",
            completionCandidates = Events.class,
            description = "cpu (default), alloc, wall or lock.")
    String event;

    @Option(
            names = "--interval",
            paramLabel = "N",
            description =
                    "Sampling interval: time for cpu/wall (10ms default; 500us, 100000 = ns), bytes for alloc (512k), ns for lock.")
    String interval;

    @Option(names = "-n", paramLabel = "TOP", defaultValue = "15", description = "Rows of the flat table (default 15).")
    int top;

    @Option(
            names = "--collapsed",
            paramLabel = "FILE",
            description = "Also write the folded stacks (flamegraph.pl, speedscope) to FILE.")
    String collapsedFile;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Write the flame graph to FILE (default: $PERFSHELL_HOME/flame/flame-TIME.html).")
    String htmlFile;

    @Option(names = "--no-html", description = "Write no flame graph.")
    boolean noHtml;

    @Option(names = "--list", description = "Show the sampling backend and the events available here, then stop.")
    boolean list;

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            defaultValue = "auto",
            completionCandidates = Backends.class,
            description =
                    "auto (default: async-profiler, JFR where it cannot load), async (async-profiler or an error) or jfr (JFR's sampler: cpu and alloc).")
    String backend;

    @Option(
            names = "--jfr",
            paramLabel = "FILE",
            description = "Also write the profile as a JFR recording to FILE (jfr print, JDK Mission Control).")
    String jfrFile;

    @Option(
            names = "--threads",
            description =
                    "Sample every thread of the engine and split the profile by thread (async-profiler's threads option).")
    boolean threads;

    @Option(names = "-q", description = "Quiet: print nothing but where the files went (use with -o).")
    boolean quiet;

    @Option(
            names = {"-o", "--bind"},
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the flat profile (List<Map.Entry<String, Long>>: method and self samples, highest first) to NAME or $fN.")
    String bind;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Option(
            names = "--include",
            paramLabel = "REGEX",
            description =
                    "Keep only stacks with a frame matching REGEX (repeatable; the table, the flame graph and --collapsed).")
    List<String> include = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "REGEX",
            description =
                    "Drop stacks with a frame matching REGEX (repeatable; the table, the flame graph and --collapsed).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--open", description = "Open the flame graph in the browser (xdg-open) when there is a display.")
    boolean open;

    /** The engine's sampling of the generated class {@code binaryName}, as these options ask for it. */
    EngineRequest<FlameSamples> request(String binaryName) {
        return EngineRequest.flame(
                binaryName,
                (long) (duration * 1e9),
                event,
                interval(),
                backend,
                threads,
                jfrFile == null ? null : Path.of(jfrFile).toAbsolutePath().toString());
    }

    /** The interval sent to the engine: the user's, or {@link #DEFAULT_TIME_INTERVAL} for the time events. */
    String interval() {
        if (interval != null) return interval;
        return event.equals("cpu") || event.equals("wall") ? DEFAULT_TIME_INTERVAL : null;
    }

    List<Pattern> includePatterns() {
        return patterns(include);
    }

    List<Pattern> excludePatterns() {
        return patterns(exclude);
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }

    /** What is wrong with the values or their combination, in one line, or {@code null}. */
    String problem() {
        if (!EVENTS.contains(event))
            return "unknown event '" + event + "'. Next: one of " + String.join(", ", EVENTS) + ".";
        if (interval != null && !INTERVAL.matcher(interval).matches()) {
            return "bad interval '" + interval + "'. Next: a number with an optional unit, e.g. 1ms, 500us, 512k.";
        }
        if (interval != null) {
            String zero = OptionRules.positiveQuantity(
                    "--interval", interval, Double.parseDouble(interval.replaceAll("\\D+$", "")));
            if (zero != null) return zero;
        }
        String count = OptionRules.first(
                OptionRules.positiveSeconds("--duration", duration), OptionRules.atLeastOne("-n", top));
        if (count != null) return count;
        if (duration > 3600)
            return "--duration must be at most 3600 seconds, got " + OptionRules.number(duration) + ".";
        for (String regex : Stream.concat(include.stream(), exclude.stream()).toList()) {
            try {
                Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                return "bad regex '" + regex + "': " + e.getDescription() + ". Next: e.g. --include 'fib|fill'.";
            }
        }
        if (!BACKENDS.contains(backend))
            return "unknown backend '" + backend + "'. Next: one of " + String.join(", ", BACKENDS) + ".";
        if (backend.equals("jfr") && !event.equals("cpu") && !event.equals("alloc")) {
            return "JFR samples cpu and alloc only. Next: --backend auto, or --event cpu or alloc.";
        }
        if (jfrFile != null && jfrFile.contains(",")) {
            return "--jfr " + jfrFile
                    + ": async-profiler's options are separated by commas, so the path may hold none. Next: another file name.";
        }
        if (jfrFile != null && threads && !backend.equals("jfr")) {
            // measured: with JFR output async-profiler's folded stacks lose their thread frames (the recording keeps
            // them)
            return "--threads with --jfr needs --backend jfr: async-profiler splits no stacks by thread while it writes JFR. Next: drop one, or add --backend jfr.";
        }
        if (jfrFile != null && Files.isDirectory(Path.of(jfrFile)))
            return "--jfr " + jfrFile + " is a folder. Next: name a file, e.g. profile.jfr.";
        return null;
    }

    /** The options as the result record keeps them: what shaped the profile besides the code. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("event", event);
        params.put("durationSeconds", duration);
        if (interval() != null) params.put("interval", interval());
        if (!backend.equals("auto")) params.put("backend", backend);
        if (threads) params.put("threads", true);
        if (!include.isEmpty()) params.put("include", String.join(" ", include));
        if (!exclude.isEmpty()) params.put("exclude", String.join(" ", exclude));
        return params;
    }
}
