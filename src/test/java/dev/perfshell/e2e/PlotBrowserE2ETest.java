package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --plot} files in a real browser: the launcher writes them, headless Chromium renders them. The
 * DOM must hold the marks the plot promises, and the screenshot must show coloured bars and boxes.
 */
class PlotBrowserE2ETest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theHistogramAndTheBoxPlotRenderInHeadlessChromium() throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium (.ci/run installs Debian's chromium)");
        Path histogram = work.resolve("runs.svg");
        Path boxes = work.resolve("compare.html");
        Path sweep = work.resolve("sweep.svg");
        Result r = Perfshell.runScript(
                home,
                work,
                "plots.jsh",
                String.join(
                        "\n",
                        "int[] arr = new int[5_000];",
                        "long sumLoop(int[] a) { long s = 0; for (int v : a) s += v; return s; }",
                        "%timeit -q --budget 0.5 --plot " + histogram + " sumLoop(arr)",
                        "%compare -q --budget 0.4 --plot " + boxes + " sumLoop(arr) ;; Arrays.stream(arr).sum()",
                        "%timeit -q --budget 1 --param n=1000,4000,16000 --setup \"int[] data = new int[n];\" --plot "
                                + sweep + " sumLoop(data)",
                        ""));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(histogram))
                .startsWith("<svg")
                .doesNotContain("href")
                .doesNotContain("<script");
        assertThat(Files.readString(boxes))
                .startsWith("<!DOCTYPE html>")
                .doesNotContain("href")
                .doesNotContain("<script");

        Chromium chromium = new Chromium(work);
        String dom = chromium.dom(boxes);
        assertThat(dom).contains("class=\"box\"").contains("sumLoop(arr)").contains("Arrays.stream(arr).sum()");
        assertThat(dom.split("class=\"box\"", -1)).hasSize(3); // two boxes

        BufferedImage drawnHistogram = chromium.screenshot(histogram, "runs");
        assertThat(Chromium.saturatedPixels(drawnHistogram))
                .as("coloured bars and marks of the histogram")
                .isGreaterThan(2_000);
        assertThat(Files.readString(sweep)).contains("class=\"point\"").contains("class=\"fit\"");
        BufferedImage drawnSweep = chromium.screenshot(sweep, "sweep");
        assertThat(Chromium.saturatedPixels(drawnSweep))
                .as("coloured points and fitted line of the sweep")
                .isGreaterThan(150);
        BufferedImage drawnBoxes = chromium.screenshot(boxes, "compare");
        // The boxes' width follows the measured spread, so the count does too: 381 pixels on one clean-clone CI
        // run, 141 on another. The fewest a correct plot draws (every run of both snippets within 0.1%, one run
        // 30x out) is 76; a page that draws nothing has none.
        assertThat(Chromium.saturatedPixels(drawnBoxes))
                .as("coloured boxes and dots of the box plot")
                .isGreaterThan(50);
    }
}
