package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MagicRegistryTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    @Test
    void namesInRegistryOrder() {
        assertThat(registry.names())
                .containsExactly(
                        "timeit",
                        "why",
                        "time",
                        "prun",
                        "lprun",
                        "mprun",
                        "memit",
                        "sizeof",
                        "env",
                        "classpath",
                        "who",
                        "history",
                        "reset",
                        "lsmagic",
                        "help",
                        "results",
                        "run",
                        "load",
                        "save",
                        "flame",
                        "jmh",
                        "compare",
                        "maven");
    }

    @Test
    void createsAFreshInstanceEachTime() {
        assertThat(registry.create("time")).isPresent();
        assertThat(registry.create("time").get())
                .isNotSameAs(registry.create("time").get());
        assertThat(registry.create("timeitt")).isEmpty();
    }

    @Test
    void onlyTheMeasuringMagicsHaveACellForm() {
        for (String name : registry.names()) {
            assertThat(registry.create(name).get().acceptsCell())
                    .as(name)
                    .isEqualTo(name.equals("time")
                            || name.equals("timeit")
                            || name.equals("why")
                            || name.equals("memit")
                            || name.equals("prun")
                            || name.equals("lprun")
                            || name.equals("mprun")
                            || name.equals("flame")
                            || name.equals("jmh")
                            || name.equals("compare"));
        }
    }

    @Test
    void suggestionsByDistanceThenPrefix() {
        assertThat(registry.suggestions("timit")).first().isEqualTo("timeit");
        assertThat(registry.suggestions("hist")).containsExactly("history");
        assertThat(registry.suggestions("lsmagc")).containsExactly("lsmagic");
        assertThat(registry.suggestions("qqqqqqqq")).isEmpty();
    }

    @Test
    void summaryIsTheFirstDescriptionLine() {
        assertThat(registry.summary("lsmagic")).isEqualTo("List the magics.");
        assertThat(registry.summary("nope")).isEmpty();
    }

    @Test
    void commandLineStopsAtTheFirstPositional() {
        var line = registry.commandLine("time").orElseThrow();
        line.parseArgs("-o", "t", "x", "-o", "y");
        TimeMagic magic = line.getCommand();
        assertThat(magic.bind).isEqualTo("t");
        assertThat(magic.codeTokens).containsExactly("x", "-o", "y");
    }

    @Test
    void everyUsageFormatsWithoutPicocliWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            for (String name : registry.names()) {
                assertThat(registry.commandLine(name).orElseThrow().getUsageMessage())
                        .as(name)
                        .isNotBlank();
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString())
                .as("picocli warnings (an unescaped %% in a description)")
                .isEmpty();
        assertThat(registry.summary("classpath")).contains("%classpath add JAR").doesNotContain("%%");
    }
}
