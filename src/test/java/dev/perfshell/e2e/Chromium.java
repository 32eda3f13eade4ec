package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Debian's Chromium, headless (installed by .ci/run): what a page's DOM becomes, and what it looks like. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Path work;

    Chromium(Path work) {
        this.work = work;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page's scripts ran. */
    String dom(Path page) throws Exception {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /** A screenshot of the page in an 800 × 800 window. */
    BufferedImage screenshot(Path page, String name) throws Exception {
        Path png = work.resolve(name + ".png");
        run(List.of(
                "--hide-scrollbars",
                "--window-size=800,800",
                "--screenshot=" + png,
                page.toUri().toString()));
        return ImageIO.read(png.toFile());
    }

    /** Pixels of a saturated colour (marks, bars, frames), not black, white or grey text and lines. */
    static int saturatedPixels(BufferedImage image) {
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int red = rgb >> 16;
                int green = (rgb >> 8) & 0xff;
                int blue = rgb & 0xff;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 60) coloured++;
            }
        }
        return coloured;
    }

    private String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + work.resolve("chromium-profile")));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
