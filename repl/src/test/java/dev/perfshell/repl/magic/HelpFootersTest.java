package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help footers read as paragraphs at the usage width. Picocli wraps each footer element on its own and starts
 * the next on a new line, so footers written as 110-character lines came out as a full line, a stub of three
 * words, a full line: each element must be a whole paragraph (or an empty line between two).
 */
class HelpFootersTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    @Test
    void everyFooterElementIsAWholeParagraph() {
        for (String name : registry.names()) {
            String[] footer = registry.commandLine(name)
                    .orElseThrow()
                    .getCommandSpec()
                    .usageMessage()
                    .footer();
            for (String element : footer) {
                if (element.isBlank()) continue;
                assertThat(element.strip())
                        .as("%" + name + " footer element: a paragraph ends a sentence")
                        .matches("(?s).*[.:)!?]");
            }
        }
    }

    @Test
    void noFooterLineIsAStubBetweenTwoFullOnes() {
        for (String name : registry.names()) {
            CommandLine line = registry.commandLine(name).orElseThrow();
            String usage = new CommandLine.Help(
                            line.getCommandSpec(), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                    .footer();
            List<String> lines = usage.lines().toList();
            for (int i = 1; i + 1 < lines.size(); i++) {
                boolean stub = !lines.get(i).isBlank()
                        && lines.get(i).length() < 40
                        && !lines.get(i).strip().matches(".*[.:)!?]")
                        && lines.get(i + 1).length() > 60;
                assertThat(stub)
                        .as("%" + name + " help, line '" + lines.get(i) + "' in\n" + usage)
                        .isFalse();
            }
            assertThat(lines)
                    .as("%" + name)
                    .allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(80));
        }
    }
}
