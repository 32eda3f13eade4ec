package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * %flame's HTML in a real browser: Debian's Chromium, headless (installed by .ci/run). The page draws the
 * graph on a canvas with its own script, so the checks are what only a run script leaves: the canvas sized
 * to the stack depth, and a screenshot full of coloured frames.
 */
class FlameBrowserE2ETest {
    private static final Pattern CANVAS_HEIGHT = Pattern.compile("<canvas id=\"canvas\"[^>]*height=\"(\\d+)\"");

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theFlameGraphRendersInHeadlessChromium() throws Exception {
        assumeTrue(Chromium.available(), "no /usr/bin/chromium (.ci/run installs Debian's chromium)");
        Path html = work.resolve("fib.html");
        Result r = Perfshell.runScript(
                home,
                work,
                "flame.jsh",
                String.join(
                        "\n",
                        "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
                        "%flame --duration 1 --html " + html + " fib(22)",
                        ""));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(html).exists();
        assertThat(Files.readString(html))
                .doesNotContain("<script src=")
                .doesNotContain("<link ")
                .contains("fib (#1:1)")
                .doesNotContain("REPL/"); // the table's names, not the engine's class names

        Chromium chromium = new Chromium(work);
        String dom = chromium.dom(html);
        Matcher height = CANVAS_HEIGHT.matcher(dom);
        assertThat(height.find())
                .as("no sized canvas in the rendered page:\n%s", dom)
                .isTrue();
        // 16 px a level: fib's recursion alone is more than 10 levels deep.
        assertThat(Integer.parseInt(height.group(1))).isGreaterThan(160);

        BufferedImage image = chromium.screenshot(html, "fib");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int spread = Math.max(rgb >> 16, Math.max((rgb >> 8) & 0xff, rgb & 0xff))
                        - Math.min(rgb >> 16, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
                if (spread > 60) colours.add(rgb);
            }
        }
        assertThat(Chromium.saturatedPixels(image))
                .as("saturated pixels of frames in the screenshot")
                .isGreaterThan(image.getWidth() * image.getHeight() / 10);
        assertThat(colours).as("frame colours").hasSizeGreaterThan(8);
    }
}
