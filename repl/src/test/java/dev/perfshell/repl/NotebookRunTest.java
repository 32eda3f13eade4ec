package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfshell run NB.ipynb}: a notebook's code cells run in order as a script; markdown is skipped. */
class NotebookRunTest {
    /** A notebook as Jupyter saves one: sources as lists of lines, a markdown cell, a %%timeit cell. */
    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "perfshell"}},
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Measurements\\n", "int notJava = ;"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": ["int n = 1000;\\n", "long sum(int n) { long s = 0; for (int i = 0; i < n; i++) s += i; return s; }"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": "%%timeit -q --label sum -r 3 -n 100 int m = n;\\nsum(m)"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["sum(n)"]}
             ]}
            """;

    @Test
    void codeCellsRunInOrderAndResultsExport(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("measure.ipynb");
        Files.writeString(notebook, NOTEBOOK);
        Path json = dir.resolve("out.json");
        ScriptRun run = ScriptRun.piped("", "run", notebook.toString(), "--json", json.toString());
        assertThat(run.exitCode).as(run.out + run.err).isZero();
        assertThat(run.out).contains("n ==> 1000").contains("$1 ==> 499500").doesNotContain("notJava");
        JsonNode result =
                new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertThat(result.get("label").asText()).isEqualTo("sum");
        assertThat(result.get("source").asText()).isEqualTo("sum(m)");
    }

    @Test
    void aFileThatIsNotANotebookSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("broken.ipynb");
        Files.writeString(notebook, "{\"cells\": 3");
        ScriptRun run = ScriptRun.piped("", "run", notebook.toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("perfshell run: cannot read " + notebook + " (not a notebook (JSON)");
        assertThat(run.err.strip().lines()).hasSize(1);
    }
}
