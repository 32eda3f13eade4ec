package dev.perfshell.repl.shell;

import dev.perfshell.repl.script.InputKind;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: magic inputs (names, options, values, their Java code) by {@link MagicCompleter}, jshell
 * commands after {@code /} and the files they take, and Java from JShell's own analysis (overloads
 * de-duplicated).
 */
final class ShellCompleter implements Completer {
    private static final Set<String> TAKES_FILES = Set.of("/open");

    private final Shell shell;
    private final FileNameCompleter files = new FileNameCompleter();
    private final MagicCompleter magics;

    ShellCompleter(Shell shell) {
        this.shell = shell;
        this.magics = new MagicCompleter(
                shell.registry(), () -> shell.session().engine().jshell(), files);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String beforeCursor = line.line().substring(0, line.cursor());
        String head = beforeCursor.stripLeading();
        if (head.startsWith("%")) {
            magics.complete(reader, line, candidates);
        } else if (InputKind.of(head) == InputKind.COMMAND && !beforeCursor.contains("\n")) {
            command(reader, line, head, candidates);
        } else {
            int wordStart = line.cursor() - line.wordCursor();
            JavaCompletion.add(
                    shell.session().engine().jshell().sourceCodeAnalysis(),
                    line.line(),
                    0,
                    line.cursor(),
                    wordStart,
                    candidates);
        }
    }

    private void command(LineReader reader, ParsedLine line, String typed, List<Candidate> candidates) {
        int nameEnd = typed.indexOf(' ');
        if (nameEnd < 0) {
            for (String name : shell.commands().names()) candidates.add(new Candidate("/" + name));
            return;
        }
        if (TAKES_FILES.contains(typed.substring(0, nameEnd))) files.complete(reader, line, candidates);
    }
}
