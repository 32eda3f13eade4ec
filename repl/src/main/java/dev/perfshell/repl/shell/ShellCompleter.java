package dev.perfshell.repl.shell;

import dev.perfshell.repl.magic.MagicRegistry;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.builtins.Completers.FileNameCompleter;
import picocli.CommandLine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tab completion: magic names after {@code %}, a magic's options from its picocli model, file
 * paths where a magic or command takes a file, jshell commands after {@code /}, and Java from
 * JShell's own analysis (overloads de-duplicated).
 */
final class ShellCompleter implements Completer {
    private static final Set<String> TAKES_FILES = Set.of("%classpath", "%run", "%load", "%save", "/open");

    private final Shell shell;
    private final FileNameCompleter files = new FileNameCompleter();

    ShellCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        String beforeCursor = buffer.substring(0, line.cursor());
        String lastLine = beforeCursor.substring(beforeCursor.lastIndexOf('\n') + 1);
        String head = beforeCursor.stripLeading();
        if (head.startsWith("%") && !beforeCursor.contains("\n")) {
            magic(reader, line, lastLine.stripLeading(), candidates);
        } else if (InputKind.of(head) == InputKind.COMMAND && !beforeCursor.contains("\n")) {
            command(reader, line, head, candidates);
        } else {
            java(line, candidates);
        }
    }

    private void magic(LineReader reader, ParsedLine line, String typed, List<Candidate> candidates) {
        String sigil = typed.startsWith("%%") ? "%%" : "%";
        int nameEnd = typed.indexOf(' ');
        MagicRegistry registry = shell.registry();
        if (nameEnd < 0) {
            for (String name : registry.names()) candidates.add(new Candidate(sigil + name, sigil + name, "magics", registry.summary(name), null, null, true));
            return;
        }
        String name = typed.substring(sigil.length(), nameEnd);
        if (TAKES_FILES.contains("%" + name) && !line.word().startsWith("-")) {
            files.complete(reader, line, candidates);
            return;
        }
        registry.commandLine(name).ifPresent(cl -> {
            for (CommandLine.Model.OptionSpec option : cl.getCommandSpec().options()) {
                for (String optionName : option.names()) {
                    candidates.add(new Candidate(optionName, optionName, "options", option.description().length > 0 ? option.description()[0] : null, null, null, true));
                }
            }
        });
    }

    private void command(LineReader reader, ParsedLine line, String typed, List<Candidate> candidates) {
        int nameEnd = typed.indexOf(' ');
        if (nameEnd < 0) {
            for (String name : shell.commands().names()) candidates.add(new Candidate("/" + name));
            return;
        }
        if (TAKES_FILES.contains(typed.substring(0, nameEnd))) files.complete(reader, line, candidates);
    }

    /** JShell's suggestions, turned into replacements of JLine's current word. */
    private void java(ParsedLine line, List<Candidate> candidates) {
        SourceCodeAnalysis analysis = shell.session().engine().jshell().sourceCodeAnalysis();
        String buffer = line.line();
        int cursor = line.cursor();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(buffer, cursor, anchor);
        int wordStart = cursor - line.wordCursor();
        String keep = anchor[0] >= wordStart && anchor[0] <= cursor ? buffer.substring(wordStart, anchor[0]) : "";
        Set<String> seen = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion : suggestions) {
            String continuation = suggestion.continuation();
            if (!seen.add(continuation)) continue; // overloads repeat
            boolean complete = !continuation.endsWith("(");
            candidates.add(new Candidate(keep + continuation, continuation, null, null, null, null, complete));
        }
    }
}
