package dev.perfshell.repl.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Tab completion for text that is not typed at the terminal (a notebook cell): the shell's own completer
 * ({@link ShellCompleter}: magics, their options and Java code, commands, Java) run on the text as JLine would parse
 * it at the cursor, so a cell completes as the prompt does.
 */
public final class CellCompletion {
    private final ShellCompleter completer;
    private final ShellParser parser;
    private final LineReader reader;

    /** The candidates, and the part of the text they replace ({@code start} to the cursor). */
    public record Options(List<String> values, int start, int end) {}

    public CellCompletion(Shell shell) throws java.io.IOException {
        this.completer = new ShellCompleter(shell);
        this.parser = new ShellParser(shell.completeness());
        Terminal dumb = TerminalBuilder.builder()
                .dumb(true)
                .streams(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream())
                .build();
        this.reader = LineReaderBuilder.builder().terminal(dumb).parser(parser).build();
    }

    public Options complete(String text, int cursor) {
        ParsedLine line = parser.parse(text, cursor, Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, line, candidates);
        Set<String> values = new LinkedHashSet<>();
        for (Candidate candidate : candidates) values.add(candidate.value());
        return new Options(new ArrayList<>(values), cursor - line.wordCursor(), cursor);
    }
}
