package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where %compare splits its snippets, and how it names them. */
class SnippetListTest {
    private static List<String> codes(List<SnippetList.Entry> entries) {
        return entries.stream().map(SnippetList.Entry::code).toList();
    }

    @Test
    void splitsAtTopLevelDoubleSemicolonsOnly() {
        assertThat(SnippetList.split("a(1) ;; b(2);;c(3)")).containsExactly("a(1)", "b(2)", "c(3)");
        assertThat(SnippetList.split("for (;;) { break; } ;; x")).containsExactly("for (;;) { break; }", "x");
        assertThat(SnippetList.split("{ int i = 0;; i++; } ;; y")).containsExactly("{ int i = 0;; i++; }", "y");
        assertThat(SnippetList.split("s.split(\";;\").length ;; t.indexOf(';') ;; u"))
                .containsExactly("s.split(\";;\").length", "t.indexOf(';')", "u");
        assertThat(SnippetList.split("a /* ;; */ + 1 ;; b // ;; c\n;; d"))
                .containsExactly("a /* ;; */ + 1", "b // ;; c", "d");
        assertThat(SnippetList.split("\"\"\"\n;;\n\"\"\".length() ;; 2"))
                .containsExactly("\"\"\"\n;;\n\"\"\".length()", "2");
        assertThat(SnippetList.split("\"a\\\";;\" ;; 3")).containsExactly("\"a\\\";;\"", "3");
    }

    @Test
    void blankPartsAreDropped() {
        assertThat(SnippetList.split(" ;; a ;;  ;; ")).containsExactly("a");
    }

    @Test
    void labelsNameSnippetsElseLetters() {
        List<SnippetList.Entry> entries =
                SnippetList.ofLine("loop: sumLoop(arr) ;; Arrays.stream(arr).sum() ;; x ? 1 : 2 ;; Math::abs");
        assertThat(entries).extracting(SnippetList.Entry::label).containsExactly("loop", "B", "C", "D");
        assertThat(entries).extracting(SnippetList.Entry::labelled).containsExactly(true, false, false, false);
        assertThat(codes(entries))
                .containsExactly("sumLoop(arr)", "Arrays.stream(arr).sum()", "x ? 1 : 2", "Math::abs");
    }

    @Test
    void aCellHasOneSnippetPerLine() {
        List<SnippetList.Entry> entries = SnippetList.ofCell(
                        "fast: a + b\n\n  slow: Math.pow(a, b)\ndefault: x\n", name -> false)
                .entries();
        assertThat(entries).extracting(SnippetList.Entry::label).containsExactly("fast", "slow", "C");
        assertThat(codes(entries)).containsExactly("a + b", "Math.pow(a, b)", "default: x");
    }

    @Test
    void aFirstLineDeclaringWhatTheOthersReadIsSetup() {
        SnippetList.Cell cell = SnippetList.ofCell(
                "int[] src = new int[1000]; int k = 3\nloop: { int s = 0; for (int v : src) s += v; }\n"
                        + "stream: java.util.Arrays.stream(src).sum()\n",
                name -> false);
        assertThat(cell.setup()).isEqualTo("int[] src = new int[1000]; int k = 3");
        assertThat(cell.entries()).extracting(SnippetList.Entry::label).containsExactly("loop", "stream");
    }

    @Test
    void aFirstLineNoOtherLineNeedsIsASnippet() {
        // Each declares its own c: timed alike, nothing shared.
        SnippetList.Cell own = SnippetList.ofCell(
                "int[] c = a.clone()\nint[] c = java.util.Arrays.copyOf(a, a.length)", name -> false);
        assertThat(own.setup()).isEmpty();
        assertThat(codes(own.entries()))
                .containsExactly("int[] c = a.clone()", "int[] c = java.util.Arrays.copyOf(a, a.length)");
        // The session has src: the first line is a snippet that shadows it, and the others read the session's.
        assertThat(SnippetList.ofCell("int[] src = new int[4];\nsrc.length\nsrc.clone()", "src"::equals)
                        .setup())
                .isEmpty();
        // A labelled first line is a snippet; so is a method call named like the variable.
        assertThat(SnippetList.ofCell("a: int n = 3;\nn + 1\nn * 2", name -> false)
                        .entries())
                .hasSize(3);
        assertThat(SnippetList.ofCell("int n = 3;\nn()\nm(1)", name -> false).setup())
                .isEmpty();
    }

    @Test
    void lettersGoOnAfterZ() {
        assertThat(SnippetList.letter(0)).isEqualTo("A");
        assertThat(SnippetList.letter(25)).isEqualTo("Z");
        assertThat(SnippetList.letter(26)).isEqualTo("A1");
    }
}
