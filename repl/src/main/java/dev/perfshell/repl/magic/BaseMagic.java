package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;

/**
 * What every magic accepts: {@code -h/--help}. A magic's words after its options are declared by the
 * magic itself ({@link CodeMagic} for Java code; a file, a range or a name otherwise), so its usage
 * names what it really takes. Picocli only counts those words; the text itself is cut from the typed
 * line by offset, so spacing, quotes and braces survive ({@code %time f("a  b")}).
 */
public abstract class BaseMagic implements Magic {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;
}
