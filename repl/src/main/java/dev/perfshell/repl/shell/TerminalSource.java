package dev.perfshell.repl.shell;

import dev.perfshell.repl.script.InputSource;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Interactive input through JLine: continuation lines while an input is unfinished, history in
 * {@code ~/.perfshell/history} appended as each line is accepted (a crash loses nothing already
 * entered), Ctrl-R search, Tab completion, Shift-Tab documentation, Ctrl-C clears the line,
 * Ctrl-D on an empty line ends the session.
 */
public final class TerminalSource implements InputSource {
    static final String PROMPT = "perf> ";
    static final String CONTINUATION = "  ...> ";

    private final LineReader reader;

    /** @param historyFile where history is kept, or {@code null} for none (an unwritable home) */
    public TerminalSource(Terminal terminal, Shell shell, Path historyFile) {
        LineReaderBuilder builder = LineReaderBuilder.builder();
        // Without a file JLine keeps the history in memory only (Main said why there is none).
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = builder.terminal(terminal)
                .appName("perfshell")
                .parser(new ShellParser(shell.typedCompleteness()))
                .completer(new ShellCompleter(shell))
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 4)
                .option(LineReader.Option.HISTORY_INCREMENTAL, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is Java's not
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        ClosingBrackets.install(reader);
        DocumentationWidget docs = new DocumentationWidget(reader, shell);
        reader.getWidgets().put(DocumentationWidget.NAME, docs);
        reader.getKeyMaps()
                .get(LineReader.MAIN)
                .bind(
                        new Reference(DocumentationWidget.NAME),
                        KeyMap.key(terminal, org.jline.utils.InfoCmp.Capability.key_btab));
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(DocumentationWidget.NAME), "\u001b[Z");
    }

    @Override
    public String next() {
        while (true) {
            try {
                return reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt clears the line, as in jshell and bash
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public int line() {
        return 0;
    }

    @Override
    public String name() {
        return "<terminal>";
    }

    @Override
    public boolean interactive() {
        return true;
    }
}
