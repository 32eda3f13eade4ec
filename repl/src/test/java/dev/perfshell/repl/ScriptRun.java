package dev.perfshell.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of {@link Main#execute} with captured streams: a real engine JVM, no terminal. */
final class ScriptRun {
    final int exitCode;
    final String out;
    final String err;

    private ScriptRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Pipes {@code script} to {@code perfshell ARGS} on stdin. */
    static ScriptRun piped(String script, String... args) {
        return piped(Map.of(), script, args);
    }

    /** Pipes {@code script} to {@code perfshell ARGS} on stdin, with {@code env} as the environment variables the shell sees. */
    static ScriptRun piped(Map<String, String> env, String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(
                args,
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                false);
        return new ScriptRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code script} to a file in {@code dir} and runs {@code perfshell OPTIONS run FILE RUN_OPTIONS}. */
    static ScriptRun file(Path dir, String script, List<String> options, String... runOptions) throws IOException {
        return file(Map.of(), dir, script, options, runOptions);
    }

    /** As {@link #file(Path, String, List, String...)}, with {@code env} as the shell's environment variables. */
    static ScriptRun file(Map<String, String> env, Path dir, String script, List<String> options, String... runOptions)
            throws IOException {
        Path file = dir.resolve("script.jsh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(options);
        args.add("run");
        args.add(file.toString());
        args.addAll(List.of(runOptions));
        return piped(env, "", args.toArray(new String[0]));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** The lines after the first line equal to {@code marker} up to (excluding) the next line starting with {@code until}. */
    List<String> between(String marker, String untilPrefix) {
        List<String> lines = lines();
        int from = lines.indexOf(marker);
        if (from < 0) throw new AssertionError("no line '" + marker + "' in:\n" + out);
        List<String> section = new ArrayList<>();
        for (int i = from + 1; i < lines.size() && !lines.get(i).startsWith(untilPrefix); i++)
            section.add(lines.get(i));
        return section;
    }

    /** The value printed for {@code NAME ==> VALUE}: jshell's echo of a variable or expression. */
    String value(String name) {
        java.util.regex.Pattern pattern =
                java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + " ==> (.*)");
        for (String line : lines()) {
            java.util.regex.Matcher m = pattern.matcher(line);
            if (m.matches()) return m.group(1);
        }
        throw new AssertionError("no value of " + name + " in\n" + this);
    }

    /** The script lines that failed under --keep-going, in order. */
    List<Integer> failedLines() {
        java.util.regex.Pattern failure = java.util.regex.Pattern.compile(
                ".*script\\.jsh:(\\d+): this input failed; going on \\(--keep-going\\)");
        List<Integer> failed = new ArrayList<>();
        for (String line : lines()) {
            java.util.regex.Matcher m = failure.matcher(line);
            if (m.matches()) failed.add(Integer.parseInt(m.group(1)));
        }
        return failed;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
