package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manual's magic pages, docs/magics/NAME.md, hold a usage block generated from the magic's picocli
 * spec, so the options a page lists are the options the magic takes. Run with
 * {@code -Dgolden.update=true} (from the repl folder) to rewrite the blocks after changing an option.
 */
class MagicPagesTest {
    private static final Path PAGES = Path.of("..", "docs", "magics");
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- generated:begin usage[^\\n]*-->\\n)(.*?)(<!-- generated:end usage -->)", Pattern.DOTALL);

    private final MagicRegistry registry = MagicRegistry.standard();

    static String generatedBlock(String usage) {
        return "```text\n" + usage + "\n```\n";
    }

    @Test
    void everyMagicHasAPageWhoseUsageBlockIsItsHelp() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        for (String name : registry.names()) {
            Path page = PAGES.resolve(name + ".md");
            assertThat(page)
                    .as("docs/magics/%s.md, the page of %%%s", name, name)
                    .exists();
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher block = BLOCK.matcher(text);
            assertThat(block.find())
                    .as("%s has one generated usage block", page)
                    .isTrue();
            String expected = generatedBlock(registry.usage(name, false).orElseThrow());
            if (update) {
                String rewritten = text.substring(0, block.start(2)) + expected + text.substring(block.end(2));
                Files.writeString(page, rewritten, StandardCharsets.UTF_8);
                continue;
            }
            assertThat(block.group(2))
                    .as("%s's usage block (rewrite it with -Dgolden.update=true)", page)
                    .isEqualTo(expected);
            assertThat(block.find()).as("%s has only one generated block", page).isFalse();
        }
    }

    @Test
    void everyPageIsAMagics() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            List<String> pages = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .toList();
            assertThat(registry.names()).containsAll(pages);
        }
    }
}
