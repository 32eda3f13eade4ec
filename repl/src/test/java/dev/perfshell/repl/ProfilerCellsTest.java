package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cell forms of %prun, %lprun, %mprun and %memit: several statements measured as one, declarations kept. */
class ProfilerCellsTest {

    @Test
    void cellsProfileEveryStatementAndKeepTheirDeclarations(@TempDir Path dir) throws Exception {
        String script = String.join(
                "\n",
                "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
                "%%prun -q -r cellProfile",
                "int a = fib(10);",
                "int b = fib(5);",
                "%%end",
                "long cellCalls = cellProfile.calls(\"fib(int)\");",
                "int kept = a + b;",
                "%%lprun -q -r cellLines -f fib",
                "fib(3);",
                "fib(4);",
                "%%end",
                "long lineHits = cellLines.hits(\"fib(int)\", 1);",
                "%%memit -q -o cellMem byte[] setup = new byte[10];",
                "byte[] big = new byte[1_000_000];",
                "%%end",
                "long cellAllocated = cellMem.allocatedBytes();",
                "int bigLength = big.length;",
                "%%mprun -q -r cellBytes -f fib",
                "fib(2);",
                "%%end",
                "long fibBytes = cellBytes.total(\"fib(int)\");",
                "");
        ScriptRun run = ScriptRun.file(dir, script, List.of());
        assertThat(run.exitCode).as(run.toString()).isZero();
        // fib(10) is 177 calls, fib(5) 15
        assertThat(run.lines())
                .as(run.toString())
                .contains(
                        "cellCalls ==> 192",
                        "kept ==> 60",
                        "lineHits ==> 14",
                        "bigLength ==> 1000000",
                        "fibBytes ==> 0");
        long allocated = Long.parseLong(run.lines().stream()
                .filter(l -> l.startsWith("cellAllocated ==> "))
                .findFirst()
                .orElseThrow()
                .substring("cellAllocated ==> ".length()));
        // the body's array (1,000,016 B), not the setup line's, plus JShell's few wrapper bytes
        assertThat(allocated).as(run.toString()).isBetween(1_000_016L, 1_002_000L);
    }
}
