package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;

/** {@code --label}, declared once for every magic whose result can be named, so it reads and means the same in each. */
final class LabelOption {
    @Option(
            names = "--label",
            paramLabel = "NAME",
            description = "Name the result: tables, exports and comparisons show it instead of the code.")
    String label;
}
