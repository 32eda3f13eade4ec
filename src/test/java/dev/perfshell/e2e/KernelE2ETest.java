package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The perfshell kernel under real Jupyter (Debian's packages, installed by .ci/run): {@code perfshell kernel install
 * --prefix} writes the spec; nbclient executes a notebook with it headlessly (snippets, magics, an exception,
 * System.exit), nbconvert turns the result into HTML that headless Chromium renders; jupyter_client sends what a
 * notebook sends besides cells (completion, inspection, the stop button).
 */
class KernelE2ETest {
    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private static Result install;
    private static JsonNode session;

    @BeforeAll
    static void driveAKernel() throws Exception {
        Path prefix = work.resolve("prefix");
        install = Perfshell.run(home, null, "kernel", "install", "--prefix", prefix.toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        Path driver = work.resolve("drive.py");
        try (var in = KernelE2ETest.class.getResourceAsStream("/kernel/drive.py")) {
            Files.copy(in, driver);
        }
        Path out = work.resolve("session.json");
        ProcessBuilder python = new ProcessBuilder(python(), driver.toString(), out.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("driver.log").toFile());
        python.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        python.environment().put("PERFSHELL_HOME", home.toString());
        python.environment().put("NO_COLOR", "1");
        Process process = python.start();
        boolean ended = process.waitFor(600, TimeUnit.SECONDS);
        String log = Files.readString(work.resolve("driver.log"));
        if (!ended) {
            Perfshell.killTree(process.toHandle());
            throw new AssertionError("the Jupyter driver timed out:\n" + log);
        }
        assertThat(process.exitValue()).as(log).isZero();
        session = new ObjectMapper().readTree(out.toFile());
    }

    /** Debian's python3, which has Debian's jupyter_client (a pyenv python first on PATH would not). */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static JsonNode cell(int i) {
        return session.get("cells").get(i);
    }

    /** "error" when the cell's outputs end in an error, else "ok" (nbclient keeps no reply status). */
    private static String status(JsonNode cell) {
        for (JsonNode o : cell.get("outputs")) if (o.get("type").asText().equals("error")) return "error";
        return "ok";
    }

    private static String text(JsonNode cell, String stream) {
        StringBuilder text = new StringBuilder();
        for (JsonNode o : cell.get("outputs"))
            if (o.get("type").asText().equals("stream")
                    && o.get("name").asText().equals(stream))
                text.append(o.get("text").asText());
        return text.toString();
    }

    /** The cell's result (Out[n]): jshell's feedback of its last input. */
    private static String result(JsonNode cell) {
        for (JsonNode o : cell.get("outputs"))
            if (o.get("type").asText().equals("execute_result"))
                return o.get("data").get("text/plain").asText();
        return "";
    }

    private static List<JsonNode> data(JsonNode cell, String mime) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode o : cell.get("outputs"))
            if (o.has("data") && o.get("data").has(mime))
                found.add(o.get("data").get(mime));
        return found;
    }

    @Test
    void theSpecStartsPerfshellWithMessageInterrupts() throws Exception {
        JsonNode spec = new ObjectMapper()
                .readTree(work.resolve("prefix/share/jupyter/kernels/perfshell/kernel.json")
                        .toFile());
        assertThat(spec.get("interrupt_mode").asText()).isEqualTo("message");
        assertThat(spec.get("argv").toString()).contains("\"kernel\",\"run\",\"{connection_file}\"");
        assertThat(session.get("kernel_info").get("language_info").get("name").asText())
                .isEqualTo("java");
        assertThat(session.get("kernel_info").get("implementation").asText()).isEqualTo("perfshell");
    }

    @Test
    void snippetsPrintTheirValuesAsJshellDoes() {
        assertThat(status(cell(0))).isEqualTo("ok");
        // an earlier input's feedback streams; the last input's is the cell's result, in jshell's form
        assertThat(text(cell(0), "stdout")).contains("x ==> 41").doesNotContain("$1");
        assertThat(result(cell(0))).isEqualTo("$1 ==> 42");
    }

    @Test
    void timeitLineAndCellFormsTimeAndShowTheirResultAsATable() {
        for (int i : new int[] {1, 2}) {
            assertThat(status(cell(i))).as(cell(i).toString()).isEqualTo("ok");
            assertThat(text(cell(i), "stdout")).contains(" per loop (mean ± std. dev. of ");
            assertThat(data(cell(i), "text/html"))
                    .singleElement()
                    .satisfies(html -> assertThat(html.asText())
                            .contains("<b>%timeit</b>")
                            .contains("<th style=\"text-align:left\">metric.center</th>"));
        }
    }

    @Test
    void compareWithPlotShowsTheSvgInline() {
        assertThat(status(cell(3))).as(cell(3).toString()).isEqualTo("ok");
        assertThat(data(cell(3), "image/svg+xml"))
                .singleElement()
                .satisfies(svg -> assertThat(svg.asText()).startsWith("<svg"));
        assertThat(Files.exists(work.resolve("compare.svg")))
                .as("--plot FILE still writes the file")
                .isTrue();
    }

    @Test
    void prunShowsItsProfileAsAnHtmlTable() {
        assertThat(status(cell(4))).as(cell(4).toString()).isEqualTo("ok");
        assertThat(data(cell(4), "text/html"))
                .singleElement()
                .satisfies(html -> assertThat(html.asText())
                        .contains("<b>%prun</b>")
                        .contains("<caption>methods</caption>")
                        .contains("fib(int)"));
    }

    @Test
    void flameShowsItsGraphInPlaceFromTheFileItWrote() throws Exception {
        assertThat(status(cell(8))).as(cell(8).toString()).isEqualTo("ok");
        assertThat(data(cell(8), "text/html"))
                .anySatisfy(
                        html -> assertThat(html.asText()).startsWith("<iframe").contains("srcdoc="));
        assertThat(Files.size(work.resolve("flame.html"))).isPositive();
    }

    @Test
    void anExceptionIsAJupyterError() {
        JsonNode error = cell(5).get("outputs").get(cell(5).get("outputs").size() - 1);
        assertThat(status(cell(5))).isEqualTo("error");
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("ename").asText()).isEqualTo("JavaException");
        assertThat(error.get("evalue").asText())
                .contains("java.lang.NumberFormatException")
                .contains("x41");
    }

    @Test
    void systemExitEndsTheEngineAndTheSessionGoesOnReplayed() {
        assertThat(text(cell(6), "stdout") + text(cell(6), "stderr") + cell(6))
                .contains("Started a new engine and replayed the session");
        assertThat(status(cell(7))).isEqualTo("ok");
        assertThat(result(cell(7))).endsWith("==> 82");
    }

    @Test
    void completionAndCompletenessComeFromTheShell() {
        JsonNode complete = session.get("complete");
        String typed = "Math.sq";
        List<String> completed = new ArrayList<>();
        for (JsonNode match : complete.get("matches"))
            completed.add(typed.substring(0, complete.get("cursor_start").asInt())
                    + match.asText()
                    + typed.substring(complete.get("cursor_end").asInt()));
        assertThat(completed).contains("Math.sqrt(");
        assertThat(session.get("is_complete").get(0).get("status").asText()).isEqualTo("incomplete");
        assertThat(session.get("is_complete").get(1).get("status").asText()).isEqualTo("complete");
    }

    @Test
    void shiftTabShowsTheSignature() {
        JsonNode inspect = session.get("inspect");
        assertThat(inspect.get("found").asBoolean()).as(inspect.toString()).isTrue();
        assertThat(inspect.get("data").get("text/plain").asText()).contains("abs(");
    }

    @Test
    void jupyterListsTheInstalledKernel() throws Exception {
        ProcessBuilder list = new ProcessBuilder("jupyter", "kernelspec", "list").redirectErrorStream(true);
        list.environment()
                .put("JUPYTER_PATH", work.resolve("prefix/share/jupyter").toString());
        Process process = list.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out)
                .containsPattern("perfshell\\s+"
                        + java.util.regex.Pattern.quote(work.resolve("prefix").toString()));
    }

    /** The executed notebook as nbconvert's HTML, rendered by headless Chromium: the plot and the tables are there. */
    @Test
    void theExecutedNotebookRendersItsPlotAndTablesInABrowser() throws Exception {
        assertThat(session.has("nbconvert"))
                .as("nbconvert is installed (.ci/run)")
                .isFalse();
        Path html = work.resolve("executed.html");
        String dom = new Chromium(work).dom(html);
        assertThat(dom).contains("<svg").contains("<b>%timeit</b>").contains("<caption>methods</caption>");
    }

    @Test
    void theStopButtonStopsABusyLoopAndTheKernelAnswersTheNextCell() {
        assertThat(session.get("interrupt")).as(session.toString()).isNotNull();
        assertThat(session.get("after_interrupt").get("status").asText()).isEqualTo("ok");
        assertThat(session.get("interrupt").get("status").asText()).isEqualTo("error");
        assertThat(result(session.get("after_interrupt"))).endsWith("==> 43");
    }
}
