package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;

/** {@code --fresh}, declared once for %timeit and %compare, which time alike. */
final class FreshOption {
    @Option(
            names = "--fresh",
            description = "Time in a new engine that has seen only the replayed session, free of the "
                    + "type profiles earlier code left in this one (slower to start: about 1.5 s more).")
    boolean fresh;
}
