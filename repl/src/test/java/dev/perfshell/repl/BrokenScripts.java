package dev.perfshell.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of broken {@code perfshell run} inputs for {@link FuzzRunTest}. Two families:
 * <ul>
 *   <li>{@link #beforeTheEngine}: command lines and files whose fault perfshell can see before it starts
 *   an engine (missing files, folders, invalid UTF-8, bad header lines, bad options). They are cheap, so
 *   there are hundreds.</li>
 *   <li>{@link #scriptBody}: script texts whose faults only the shell and the engine can find (broken
 *   Java, unknown magics, bad magic options, control characters, unbalanced quotes and text blocks,
 *   huge lines, scripts that run themselves). They cost engine time, so there are a few dozen, all run
 *   in one engine by a driver script.</li>
 * </ul>
 * Every generated Java line is quick when it happens to be valid: no loops that could spin, no
 * {@code %timeit} with its default budget.
 */
final class BrokenScripts {
    /** A valid, fast script: the raw material of the mutations. */
    static final List<String> BASE = List.of(
            "int n = 10;",
            "int[] data = Perf.ints(n, 1);",
            "long sum(int[] a) { long s = 0; for (int v : a) s += v; return s; }",
            "sum(data)",
            "String text = \"\"\"",
            "    hello \"quoted\" world",
            "    \"\"\";",
            "char c = '\\n';",
            "%time sum(data)",
            "%sizeof data",
            "%%time",
            "sum(data)",
            "%%end",
            "%who",
            "/vars",
            "record P(int x, String y) {}",
            "var p = new P(1, \"a{b}\");",
            "/* a comment */ p.x()");

    private static final List<String> INSERTS = List.of(
            "{",
            "}",
            "(",
            ")",
            "\"",
            "\"\"\"",
            "'",
            ";",
            "/*",
            "*/",
            "%",
            "%%",
            "\\u",
            "\\",
            "@",
            "#",
            "<",
            "\u0000",
            "\u001b[31m",
            "\r",
            "\t",
            "\u00a0",
            "\u2028",
            "\ufeff",
            "😀",
            "日本");
    private static final List<String> MAGIC_LINES = List.of(
            "%nosuch 1",
            "%tiemit 1 + 1",
            "%",
            "%%",
            "% time 1",
            "%%nosuch\n1\n%%end",
            "%time",
            "%timeit",
            "%timeit --nosuch 1",
            "%timeit -n abc sum(data)",
            "%timeit -r -5 sum(data)",
            "%timeit --budget NaN 1",
            "%timeit --budget -1 1",
            "%timeit --warmup \"unclosed 1",
            "%timeit -n 99999999999999999999 1",
            "%memit -r 0 1",
            "%prun -s nosuch sum(data)",
            "%lprun -f sum",
            "%lprun -f nosuch sum(data)",
            "%sizeof",
            "%sizeof nosuch",
            "%results show 99",
            "%results save",
            "%results frobnicate",
            "%history -n abc",
            "%help nosuch",
            "%run",
            "%run a b",
            "%load",
            "%classpath add /nonexistent/x.jar",
            "%jmh -f abc 1",
            "%flame --event nosuch 1",
            "%compare 1",
            "%compare 1 ;;",
            "%%timeit --nosuch\n1\n%%end",
            "%%memit -r abc\nnew int[1]\n%%end",
            "/nosuch",
            "/drop 99999",
            "/open /nonexistent.jsh",
            "/edit",
            "%save",
            "%env --nosuch");

    private final Random random;

    BrokenScripts(long seed) {
        this.random = new Random(seed);
    }

    /** A generated command line and the files it names; {@code culprit} must appear in the error line. */
    record Case(String description, List<String> runArgs, String culprit) {
        /** The kind of fault, for grouping findings: the description without its specifics. */
        String kind() {
            return description.replaceAll("\\d+", "#");
        }
    }

    /** One command line whose fault is visible before any engine is needed, with its files written under {@code dir}. */
    Case beforeTheEngine(Path dir, int number) throws IOException {
        Path script = dir.resolve("pre" + number + ".jsh");
        String good = String.join("\n", BASE) + "\n";
        switch (random.nextInt(9)) {
            case 0 -> {
                Path missing = dir.resolve(pick(List.of("missing", "no/such/folder/x", "é ü", "-dash", "a b", "..nope"))
                        + number + ".jsh");
                return new Case(
                        "missing file",
                        List.of(missing.toString()),
                        missing.getFileName().toString());
            }
            case 1 -> {
                Path folder =
                        Files.createDirectories(dir.resolve("folder" + number + (random.nextBoolean() ? ".jsh" : "")));
                return new Case(
                        "a folder",
                        List.of(folder.toString()),
                        folder.getFileName().toString());
            }
            case 2 -> {
                byte[] bytes = invalidUtf8(good);
                Files.write(script, bytes);
                return new Case(
                        "invalid UTF-8",
                        List.of(script.toString()),
                        script.getFileName().toString());
            }
            case 3 -> {
                List<String> lines = new ArrayList<>(BASE);
                int at = random.nextInt(lines.size() + 1);
                String header = badHeader();
                lines.add(at, header);
                Files.writeString(script, String.join("\n", lines) + "\n");
                return new Case(
                        "bad header " + header.replace("\u0000", "\\0"),
                        List.of(script.toString()),
                        script.getFileName() + ":" + (at + 1));
            }
            case 4 -> {
                Files.writeString(script, good);
                String option = pick(List.of("--json", "--csv", "--markdown"));
                boolean folder = random.nextBoolean();
                Path out = folder ? dir : dir.resolve("no/such/folder/out");
                return new Case(
                        "export to " + (folder ? "a folder" : "a missing folder"),
                        List.of(script.toString(), option, out.toString()),
                        option);
            }
            case 5 -> {
                Files.writeString(script, good);
                String forks = pick(List.of("0", "-1", "101", "1000000", "abc", "", "1.5", "99999999999", "0x2", " 3"));
                return new Case("--forks " + forks, List.of(script.toString(), "--forks", forks), "--forks");
            }
            case 6 -> {
                Files.writeString(script, good);
                List<String> bad = pick(List.of(
                        List.of("--nosuch"),
                        List.of("-x"),
                        List.of("--keep-going=maybe"),
                        List.of("extra.jsh"),
                        List.of("--json"),
                        List.of("--quiet", "--quiet=3")));
                List<String> args = new ArrayList<>(List.of(script.toString()));
                args.addAll(bad);
                return new Case(
                        "bad option " + bad, args, bad.get(bad.size() - 1).replaceAll("=.*", ""));
            }
            case 7 -> {
                return new Case("no file", List.of(), "FILE.jsh");
            }
            default -> {
                // A header fault after lines a pipe would already have consumed: the whole file is checked first.
                List<String> lines = new ArrayList<>(BASE);
                lines.add("//CLASSPATH lib/nosuch" + number + ".jar");
                Files.writeString(script, String.join("\n", lines) + "\n");
                return new Case(
                        "//CLASSPATH at the end",
                        List.of(script.toString()),
                        script.getFileName() + ":" + lines.size());
            }
        }
    }

    private String badHeader() {
        return pick(List.of(
                "//CLASSPATH",
                "//CLASSPATH lib/nosuch.jar",
                "//CLASSPATH ::",
                "//ENGINE",
                "//ENGINE Xmx2g",
                "//ENGINE -Xmx2g notanoption",
                "//DEPS",
                "//DEPS a:b",
                "//DEPS :::",
                "//DEPS g:a:v:x:y:z",
                "//DEPS ,,",
                "//CLASSPATH \u0000"));
    }

    /** The text with a few bytes that are not UTF-8 spliced in at a random place. */
    private byte[] invalidUtf8(String text) {
        byte[] good = text.getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {
            {(byte) 0xff},
            {(byte) 0xc3, (byte) 0x28},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}
        };
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(good.length + 1);
        byte[] out = new byte[good.length + insert.length];
        System.arraycopy(good, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(good, at, out, at + insert.length, good.length - at);
        return out;
    }

    /**
     * A broken script text: the base script with a few mutations (truncated lines, inserted brackets,
     * quotes and text-block delimiters, control characters, unknown magics and bad options, binary
     * garbage), or an extreme one: empty, blank, a huge line, a deep expression.
     */
    String scriptBody() {
        int kind = random.nextInt(20);
        if (kind == 0) return "";
        if (kind == 1) return pick(List.of("\n\n\n", "   \t  \n", "\r\n\r\n", "// only a comment\n"));
        if (kind == 2) return garbage(200 + random.nextInt(2000));
        List<String> lines = new ArrayList<>(BASE);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) mutate(lines);
        // Unbalanced brackets may join the rest of the file into one input, as in jshell; the end of the file closes
        // it.
        return String.join(random.nextInt(10) == 0 ? "\r\n" : "\n", lines) + (random.nextInt(5) == 0 ? "" : "\n");
    }

    private void mutate(List<String> lines) {
        if (lines.isEmpty()) lines.add(pick(MAGIC_LINES)); // an earlier mutation ended the file at its start
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(8)) {
            case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1))); // truncated
            case 1 -> {
                int cut = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, cut) + pick(INSERTS) + line.substring(cut));
            }
            case 2 -> lines.add(at, pick(MAGIC_LINES));
            case 3 -> lines.add(at, controlCharacters());
            case 4 -> lines.remove(at);
            case 5 -> lines.add(at, garbage(20 + random.nextInt(200)));
            case 6 -> lines.subList(at, lines.size()).clear(); // the file ends early
            default ->
                lines.add(
                        at,
                        pick(List.of(
                                "\"\"\"",
                                "String s = \"\"\"",
                                "String s = \"\"\"\nno end",
                                "'",
                                "\"",
                                "{",
                                "}",
                                "((((",
                                "int x = (1 + ;",
                                "/* never closed",
                                "class A {",
                                "%%time\n{")));
        }
    }

    private String controlCharacters() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            char c = (char) random.nextInt(32);
            if (c != '\n' && c != '\r') text.append(c);
        }
        return text.append(random.nextBoolean() ? "1 + 1" : "").toString();
    }

    /** Random code points (valid UTF-8, so it reaches the shell): "binary" text as a decoder would pass it on. */
    private String garbage(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x3000) : random.nextInt(128);
            if (Character.isSurrogate((char) codePoint)) continue;
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** A line of a few hundred kilobytes: an operator chain deep enough to overflow a recursive compiler pass. */
    static String deepExpression(int terms) {
        return "int deep = 1" + "+1".repeat(terms) + ";";
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
