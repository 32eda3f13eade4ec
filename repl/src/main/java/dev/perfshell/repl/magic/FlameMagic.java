package dev.perfshell.repl.magic;

import dev.perfshell.profiling.flame.FlameBackends;
import dev.perfshell.profiling.flame.FlameSamples;
import dev.perfshell.repl.flame.FlameDetails;
import dev.perfshell.repl.flame.FlameFiles;
import dev.perfshell.repl.flame.FlameGraphHtml;
import dev.perfshell.repl.flame.FlameReport;
import dev.perfshell.repl.flame.FlatProfile;
import dev.perfshell.repl.flame.FoldedStacks;
import dev.perfshell.repl.flame.FrameNames;
import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.render.FlameRenderer;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.session.SnippetSources;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %flame [options] STATEMENT} and {@code %%flame [options]} with a body: a sampling profile of the statement,
 * run again and again in %timeit's loop for {@code --duration}, with async-profiler in the engine (JFR where it
 * cannot load). Prints the flat top-N table and writes async-profiler's flame graph HTML.
 */
@Command(
        name = "flame",
        description =
                "Sampling profile of a statement run for a duration (async-profiler): flat top-N table and a flame graph HTML.",
        footer = {
            "",
            "The statement runs again and again for --duration (at least once) in the engine, and only that thread is sampled (every thread with --threads); the JDK's and libraries' frames are included, inlined frames too. Snippet frames read fib (#3:1): the method, its snippet and the line it is declared on, in the table and in the flame graph alike.",
            "",
            "The flame graph is async-profiler's HTML page (no network needed); by default it goes to $PERFSHELL_HOME/flame/ (~/.perfshell/flame/). cpu becomes itimer where perf events are refused; where async-profiler cannot load, JFR samples (cpu and alloc only). --list says which."
        })
final class FlameMagic extends CodeMagic {
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

    @Override
    public boolean acceptsCell() {
        return true;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        if (list) return list(session, console);
        String code = requiredCode(input, console, "%flame needs a statement to profile. Example: %flame fib(30)");
        if (code == null) return false;
        String problem = validate();
        if (problem != null) {
            console.error("%flame: " + problem);
            return false;
        }
        FlameSamples samples;
        try (TimedSnippet timed = TimedSnippet.declare(session, "PerfshellFlame", code, "", false)) {
            if (!timed.ok()) {
                timed.errors().forEach(console::error);
                return false;
            }
            samples = session.request(EngineRequest.flame(
                    timed.binaryName(),
                    (long) (duration * 1e9),
                    event,
                    interval(),
                    backend,
                    threads,
                    jfrFile == null ? null : Path.of(jfrFile).toAbsolutePath().toString()));
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%flame: " + e.getMessage());
            return false;
        } catch (EngineException e) {
            if (!session.engine().alive()) return false; // the shell reports the death and restores the session
            console.error("%flame: " + e.getMessage() + ". Next: %flame --list shows the events available here.");
            return false;
        }
        FoldedStacks stacks = FrameNames.of(new SnippetSources(session.engine().jshell()))
                .rename(FoldedStacks.parse(samples.collapsed()), samples.event().equals("alloc"))
                .filter(patterns(include), patterns(exclude));
        FlatProfile flat = FlatProfile.of(stacks, samples.event().equals("alloc"));
        boolean ok = true;
        String html = null;
        if (!noHtml) {
            // drawn here from the renamed stacks, so the graph reads like the table (fib (#3:1), not
            // REPL.$JShell$3.fib)
            try {
                Path file = htmlFile != null
                        ? Path.of(htmlFile).toAbsolutePath()
                        : FlameFiles.next(FlameFiles.folder(context.env()), LocalDateTime.now());
                FlameGraphHtml.write(stacks, "%flame " + code.strip().replace('\n', ' '), file);
                html = file.toString();
            } catch (IOException e) {
                console.error("%flame: could not write the flame graph (" + e
                        + "). Next: --html FILE in a writable folder, or --no-html.");
                ok = false;
            }
        }
        FlameReport report = new FlameReport(
                code.strip(),
                samples.event(),
                samples.backend(),
                notes(samples),
                interval(),
                stacks,
                flat,
                samples.ops(),
                samples.nanos(),
                samples.threw(),
                html,
                samples.jfrFile());
        context.record(origin -> FlameDetails.record(labelOption.label, report, params(), origin));
        if (!report.notes().isEmpty()) console.warn(report.notes());
        if (!quiet) FlameRenderer.render(report, top).forEach(console::println);
        if (report.html() != null) {
            console.println("Flame graph: " + report.html());
            if (open) open(report.html(), context.env(), console);
        }
        if (jfrFile != null) {
            if (report.jfr() != null) console.println("JFR recording: " + report.jfr());
            else {
                console.error("%flame: the " + samples.backend() + " backend wrote no JFR recording to " + jfrFile
                        + ". Next: check the folder is writable.");
                ok = false;
            }
        }
        if (collapsedFile != null) {
            try {
                AtomicFiles.write(
                        Path.of(collapsedFile), stacks.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
                console.println("Folded stacks: " + Path.of(collapsedFile).toAbsolutePath());
            } catch (IOException e) {
                console.error("%flame: could not write " + collapsedFile + " (" + e
                        + "). Next: check the folder exists and is writable.");
                ok = false;
            }
        }
        if (samples.threw() != null) {
            if (session.engine().wasStopped()) console.error("Stopped: the profile covers what ran before Ctrl-C.");
            else
                console.error("The statement threw " + samples.threw() + " after " + samples.ops()
                        + " complete runs: the profile covers what ran until then.");
            ok = false;
        }
        boolean bound = bind == null
                || context.binder().bind('f', bind, FlameRenderer.constructor(flat), context.evaluator(), console);
        return ok && bound;
    }

    /** {@code --open}: the desktop's browser, when there is a desktop; otherwise say so, the file is written either way. */
    private static void open(String html, Map<String, String> env, Console console) {
        if (!env.containsKey("DISPLAY") && !env.containsKey("WAYLAND_DISPLAY")) {
            console.warn("--open: no display here (DISPLAY is not set). Next: open " + html + " in a browser.");
            return;
        }
        try {
            new ProcessBuilder("xdg-open", html)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            console.warn("--open: cannot run xdg-open (" + e.getMessage() + "). Next: open " + html + " in a browser.");
        }
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }

    private boolean list(Session session, Console console) throws EngineException {
        FlameBackends backends = session.request(EngineRequest.flameList(backend));
        console.println(
                "backend: " + backends.backend() + (backends.why().isEmpty() ? "" : " (" + backends.why() + ")"));
        console.println("events: " + String.join(", ", backends.events()));
        console.println("perf_event_paranoid: " + backends.paranoid()
                + " (cpu uses perf events; where they are refused it runs as itimer, and %flame says so)");
        return true;
    }

    /** The interval sent to the engine: the user's, or 1 ms for the time events. */
    private String interval() {
        if (interval != null) return interval;
        return event.equals("cpu") || event.equals("wall") ? DEFAULT_TIME_INTERVAL : null;
    }

    private static String notes(FlameSamples samples) {
        List<String> notes = new ArrayList<>();
        if (!samples.why().isEmpty()) notes.add("backend: " + samples.backend() + " (" + samples.why() + ")");
        if (!samples.note().isEmpty()) notes.add("event: " + samples.event() + " instead of cpu: " + samples.note());
        return String.join("; ", notes);
    }

    private String validate() {
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
        for (String regex : concat(include, exclude)) {
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

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Map<String, Object> params() {
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
