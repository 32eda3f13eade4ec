package dev.perfshell.repl.script;

import dev.perfshell.repl.maven.Coordinates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's needs, declared JBang-style on lines of their own (they are Java comments, so the script
 * still runs in jshell): {@code //CLASSPATH lib/a.jar:lib/classes} (entries separated by {@code :} or
 * spaces, relative to the script's folder), {@code //ENGINE -Xmx2g -XX:+UseParallelGC} (engine JVM
 * options, as {@code -R} gives them) and {@code //DEPS com.google.code.gson:gson:2.11.0} (Maven artifacts,
 * separated by spaces or commas as in JBang, resolved with their runtime dependencies as {@code %maven} does).
 *
 * @param classPath     absolute, normalised class path entries, in order
 * @param engineOptions engine JVM options, in order
 * @param deps          Maven artifacts to resolve, in order (parsed only: nothing is resolved here)
 * @param problems      one line per bad directive ({@code FILE:LINE: …}); empty when all is well
 */
public record ScriptHeader(
        List<String> classPath, List<String> engineOptions, List<Coordinates> deps, List<String> problems) {
    public static final String CLASSPATH = "//CLASSPATH";
    public static final String ENGINE = "//ENGINE";
    public static final String DEPS = "//DEPS";

    public ScriptHeader {
        classPath = List.copyOf(classPath);
        engineOptions = List.copyOf(engineOptions);
        deps = List.copyOf(deps);
        problems = List.copyOf(problems);
    }

    /** No directives: a script read from a pipe, whose lines can be read only once. */
    public static ScriptHeader none() {
        return new ScriptHeader(List.of(), List.of(), List.of(), List.of());
    }

    /** The header of a script's text that is not read from {@code script} itself (a notebook's code cells). */
    public static ScriptHeader of(String text, Path script) {
        return parse(text.lines().toList(), script);
    }

    public static ScriptHeader read(Path script) throws IOException {
        return parse(ScriptText.read(script).lines().toList(), script);
    }

    static ScriptHeader parse(List<String> lines, Path script) {
        Path folder = script.toAbsolutePath().normalize().getParent();
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<Coordinates> deps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = script + ":" + (i + 1) + ": ";
            if (directive(line, CLASSPATH)) {
                String value = line.substring(CLASSPATH.length()).strip();
                if (words(value, "[:\\s]+") == 0)
                    problems.add(where + CLASSPATH + " names no jar or folder. Example: //CLASSPATH lib/guava.jar");
                for (String entry : value.split("[:\\s]+")) {
                    if (entry.isEmpty()) continue;
                    Path path;
                    try {
                        path = folder.resolve(entry).normalize();
                    } catch (InvalidPathException e) { // a NUL byte: the JDK's message would name neither file nor line
                        problems.add(where + CLASSPATH + " entry is not a valid path: " + visible(entry) + " ("
                                + e.getReason() + ")");
                        continue;
                    }
                    if (!Files.exists(path))
                        problems.add(where + CLASSPATH + " entry not found: " + entry + " (looked for " + path + ")");
                    else classPath.add(path.toString());
                }
            } else if (directive(line, ENGINE)) {
                List<String> words = MagicArgs.words(line.substring(ENGINE.length()));
                if (words.isEmpty()) problems.add(where + ENGINE + " names no JVM option. Example: //ENGINE -Xmx2g");
                for (String word : words) {
                    if (!word.startsWith("-"))
                        problems.add(where + ENGINE + " takes JVM options starting with '-', got '" + word + "'");
                    else options.add(word);
                }
            } else if (directive(line, DEPS)) {
                String value = line.substring(DEPS.length()).strip();
                if (words(value, "[,\\s]+") == 0)
                    problems.add(where + DEPS + " names no artifact. Example: //DEPS com.google.code.gson:gson:2.11.0");
                for (String word : value.split("[,\\s]+")) {
                    if (word.isEmpty()) continue;
                    try {
                        Coordinates coordinates = Coordinates.parse(word);
                        if (!deps.contains(coordinates)) deps.add(coordinates);
                    } catch (Coordinates.Malformed malformed) {
                        problems.add(where + DEPS + " " + malformed.getMessage());
                    }
                }
            }
        }
        return new ScriptHeader(classPath, options, deps, problems);
    }

    /** How many entries {@code value} holds between its separators: "::" or ",," hold none, like an empty line. */
    private static long words(String value, String separators) {
        return java.util.Arrays.stream(value.split(separators))
                .filter(word -> !word.isEmpty())
                .count();
    }

    /** Control characters as Java escapes, so a message stays one readable line. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c ->
                        out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** {@code //ENGINE -Xmx2g} is one; {@code //ENGINEER} and {@code // ENGINE} are ordinary comments. */
    private static boolean directive(String line, String name) {
        return line.startsWith(name)
                && (line.length() == name.length() || Character.isWhitespace(line.charAt(name.length())));
    }

    public boolean isEmpty() {
        return classPath.isEmpty() && engineOptions.isEmpty() && deps.isEmpty() && problems.isEmpty();
    }
}
