package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manual stays a manual: a README a newcomer reads in minutes, and links between its pages that
 * lead somewhere. Runs from the repl folder, so the repository is its parent.
 */
class ManualTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A Markdown link's target: [text](target). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void readmeFitsInTwoHundredFiftyLines() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(250);
    }

    @Test
    void everyRelativeLinkOfTheManualResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8))
                    .replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) continue; // https:, mailto:
                String file = target.replaceFirst("#.*", "");
                Path resolved =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) broken.add(ROOT.relativize(page) + ": " + target);
                else if (!resolved.startsWith(ROOT))
                    broken.add(ROOT.relativize(page) + ": " + target + " (outside the repository)");
            }
        }
        assertThat(broken).as("links to files that are not there").isEmpty();
    }

    @Test
    void checkedAnchorsExistWhereTheyPoint() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8))
                    .replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                int hash = target.indexOf('#');
                if (hash < 0 || target.matches("[a-z]+:.*")) continue;
                String file = target.substring(0, hash);
                Path resolved =
                        file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.isRegularFile(resolved) || !resolved.toString().endsWith(".md")) continue;
                if (!anchors(resolved).contains(target.substring(hash + 1)))
                    broken.add(ROOT.relativize(page) + ": " + target);
            }
        }
        assertThat(broken).as("links to headings that are not there").isEmpty();
    }

    /** GitHub's anchors: a heading lower-cased, punctuation dropped, spaces to dashes. */
    private static List<String> anchors(Path page) throws IOException {
        String text =
                FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
        return text.lines()
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "")
                        .strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .toList();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(
                List.of(ROOT.resolve("README.md"), ROOT.resolve("BENCHMARKS.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
