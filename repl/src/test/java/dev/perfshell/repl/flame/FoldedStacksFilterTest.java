package dev.perfshell.repl.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FoldedStacksFilterTest {
    private static final FoldedStacks STACKS = FoldedStacks.parse(String.join(
            "\n",
            "<statement>;fib (#1:1);fib (#1:1) 30",
            "<statement>;fill (#3:1);java.util.HashMap.merge 20",
            "<statement>;fill (#3:1);java.lang.Integer.valueOf;[kernel] 10",
            ""));

    @Test
    void includeKeepsStacksWithAMatchingFrameAndExcludeDropsThem() {
        assertThat(STACKS.filter(List.of(Pattern.compile("fill")), List.of()).samples())
                .isEqualTo(30);
        assertThat(STACKS.filter(List.of(), List.of(Pattern.compile("\\[kernel\\]")))
                        .samples())
                .isEqualTo(50);
        assertThat(STACKS.filter(List.of(Pattern.compile("fill")), List.of(Pattern.compile("kernel")))
                        .text())
                .isEqualTo("<statement>;fill (#3:1);java.util.HashMap.merge 20\n");
        assertThat(STACKS.filter(List.of(Pattern.compile("fib"), Pattern.compile("merge")), List.of())
                        .samples())
                .isEqualTo(50);
        assertThat(STACKS.filter(List.of(), List.of()).text()).isEqualTo(STACKS.text());
    }
}
