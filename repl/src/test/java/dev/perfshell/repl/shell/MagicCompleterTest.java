package dev.perfshell.repl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.magic.MagicRegistry;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Tab offers in a magic input, as the values JLine puts in place of the word at the cursor ({@code |}).
 * A JShell that runs in this JVM holds the session: grid, expensive, and a class Box.
 */
class MagicCompleterTest {
    private static JShell jshell;
    private static MagicCompleter completer;

    @BeforeAll
    static void session() {
        jshell = JShell.builder().executionEngine("local").build();
        for (String snippet : List.of(
                "int grid(int n) { return n * n; }",
                "long expensive() { return 42; }",
                "long expensive(int n) { return n; }",
                "class Box { int twice(int x) { return 2 * x; } static int thrice(int x) { return 3 * x; } }")) {
            assertThat(jshell.eval(snippet)).allMatch(event -> event.status().isActive(), snippet);
        }
        // File names are JLine's business; this stand-in shows where they would be offered.
        completer = new MagicCompleter(
                MagicRegistry.standard(),
                () -> jshell,
                (reader, line, candidates) -> candidates.add(new Candidate("<file>")));
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    private static List<String> tab(String marked) {
        int cursor = marked.indexOf('|');
        String buffer = marked.substring(0, cursor) + marked.substring(cursor + 1);
        ParsedLine line = new ShellParser(null).parse(buffer, cursor, Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void javaAfterAMagicName() {
        assertThat(tab("%timeit gr|")).containsExactly("grid(");
        assertThat(tab("%time gr|")).containsExactly("grid(");
        assertThat(tab("%sizeof \"abc\".toUpp|")).containsExactly("\"abc\".toUpperCase(");
    }

    @Test
    void javaAfterOptions() {
        assertThat(tab("%timeit -r 3 -n 10 gr|")).containsExactly("grid(");
        assertThat(tab("%timeit -r 3 grid(2) + gr|")).containsExactly("grid(");
        assertThat(tab("%timeit --label \"a b\" gr|")).containsExactly("grid(");
    }

    @Test
    void theCursorNeedNotBeAtTheEnd() {
        assertThat(tab("%timeit -r 3 gr| + 1")).containsExactly("grid(");
    }

    @Test
    void optionNamesOnlyWhereAnOptionCanStand() {
        assertThat(tab("%time -|")).containsExactlyInAnyOrder("-h", "--help", "-o", "--bind");
        assertThat(tab("%time -o t --|")).containsExactlyInAnyOrder("-h", "--help", "-o", "--bind");
        // In the code a dash is Java's minus.
        assertThat(tab("%time grid(1) -gr|")).containsExactly("-grid(");
    }

    @Test
    void afterDoubleDashADashWordIsJava() {
        assertThat(tab("%timeit -- -gr|")).containsExactly("-grid(");
        assertThat(tab("%timeit -r 3 -- gr|")).containsExactly("grid(");
    }

    @Test
    void methodNamesAfterDashF() {
        assertThat(tab("%lprun -f ex|")).containsExactly("grid", "expensive", "Box::");
        assertThat(tab("%mprun -s -f |")).containsExactly("grid", "expensive", "Box::");
        assertThat(tab("%lprun -f Box::|")).containsExactly("Box::twice", "Box::thrice");
        assertThat(tab("%lprun -f Box::th|")).containsExactly("Box::twice", "Box::thrice");
        assertThat(tab("%lprun -c B|")).containsExactly("Box");
    }

    @Test
    void javaAfterTheMethods() {
        assertThat(tab("%lprun -f expensive gr|")).containsExactly("grid(");
        assertThat(tab("%lprun -f expensive -f grid ex|")).containsExactly("expensive(");
    }

    @Test
    void quotedOptionValues() {
        // The quote the user opened stays; the value goes inside it.
        assertThat(tab("%lprun -f \"ex|")).containsExactly("\"grid", "\"expensive", "\"Box::");
        assertThat(tab("%jmh -bm \"a|")).containsExactly("\"avgt", "\"thrpt", "\"sample", "\"ss");
        // A free-text value offers nothing, not Java.
        assertThat(tab("%timeit --label \"a gr|")).isEmpty();
        assertThat(tab("%timeit --label gr|")).isEmpty();
    }

    @Test
    void valuesPicocliKnows() {
        assertThat(tab("%jmh -bm |")).containsExactly("avgt", "thrpt", "sample", "ss");
        assertThat(tab("%jmh -tu m|")).containsExactly("ns", "us", "ms", "s", "m", "min");
        assertThat(tab("%flame --event |")).containsExactly("cpu", "alloc", "wall", "lock");
        assertThat(tab("%flame --backend=|")).containsExactly("--backend=auto", "--backend=async", "--backend=jfr");
        assertThat(tab("%timeit -r |")).isEmpty();
    }

    @Test
    void optionalValueIsAName() {
        assertThat(tab("%timeit -o gr|")).isEmpty();
    }

    @Test
    void cellBodiesAreJava() {
        assertThat(tab("%%timeit -n 3\ngr|")).containsExactly("grid(");
        assertThat(tab("%%timeit\nint x = 1;\ngr|")).containsExactly("grid(");
        // The first line's code (setup) is in scope in the body.
        assertThat(tab("%%timeit -n 3 int[] arr = new int[3];\narr.len|")).containsExactly("arr.length");
        assertThat(tab("%%lprun -f expensive\nex|")).containsExactly("expensive(");
        // The first line of a cell is a line's options and code.
        assertThat(tab("%%timeit -n 3 gr|\nx")).containsExactly("grid(");
        assertThat(tab("%%lprun -f ex|\nx")).containsExactly("grid", "expensive", "Box::");
    }

    @Test
    void magicsThatTakeNoJavaOfferNoJava() {
        assertThat(tab("%who gr|")).isEmpty();
        assertThat(tab("%history gr|")).isEmpty();
    }

    @Test
    void filesWhereAMagicTakesAFileAndOptionsBeforeIt() {
        assertThat(tab("%run sc|")).containsExactly("<file>");
        assertThat(tab("%save -f |")).containsExactly("<file>");
        assertThat(tab("%run --k|")).containsExactlyInAnyOrder("-h", "--help", "--keep-going");
    }

    @Test
    void magicNames() {
        assertThat(tab("%ti|")).hasSize(MagicRegistry.standard().names().size()).contains("%timeit", "%time", "%lprun");
        assertThat(tab("%%ti|")).contains("%%timeit", "%%time");
    }
}
