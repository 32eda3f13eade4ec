package dev.perfshell.repl.shell;

import dev.perfshell.repl.magic.CodeStart;
import dev.perfshell.repl.magic.Magic;
import dev.perfshell.repl.magic.MagicCursor;
import dev.perfshell.repl.magic.MagicRegistry;
import dev.perfshell.repl.magic.NamesInSession;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab in a magic input: magic names after {@code %}; then what {@link MagicCursor} says the word is to the
 * magic: option names where an option can stand, an option's values where they are known (picocli's
 * candidates, the session's methods and classes), and in the code, Java for the magics that run Java
 * (a cell's body too) or file paths for those that take a file.
 */
final class MagicCompleter implements Completer {
    private static final Set<String> TAKES_FILES = Set.of("classpath", "run", "load", "save");

    private final MagicRegistry registry;
    private final Supplier<JShell> jshell;
    private final Completer files;

    /**
     * @param jshell the session's JShell, looked up at each Tab (a restart brings a new one)
     * @param files  completes the file path at the cursor
     */
    MagicCompleter(MagicRegistry registry, Supplier<JShell> jshell, Completer files) {
        this.registry = registry;
        this.jshell = jshell;
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        int cursor = line.cursor();
        int wordStart = cursor - line.wordCursor();
        int lead = buffer.indexOf('%');
        String sigil = buffer.startsWith("%%", lead) ? "%%" : "%";
        int nameStart = lead + sigil.length();
        int firstLineEnd = buffer.indexOf('\n') < 0 ? buffer.length() : buffer.indexOf('\n');
        int nameEnd = nameStart;
        while (nameEnd < firstLineEnd && !Character.isWhitespace(buffer.charAt(nameEnd))) nameEnd++;
        if (cursor <= nameEnd) {
            magicNames(sigil, candidates);
            return;
        }
        String name = buffer.substring(nameStart, nameEnd);
        Optional<Magic> magic = registry.create(name);
        if (magic.isEmpty()) return;
        Supplier<CommandLine> parser = () -> registry.commandLine(name).orElseThrow();
        if (cursor > firstLineEnd) {
            // A cell's body: Java from the first line's code on, so the body sees what that code declares.
            if (sigil.equals("%%") && magic.get().acceptsCell() && magic.get().takesJava()) {
                java(buffer, bodyCodeStart(parser, buffer, nameEnd, firstLineEnd), cursor, wordStart, candidates);
            }
            return;
        }
        MagicCursor at = MagicCursor.at(parser, buffer.substring(nameEnd, cursor));
        int from = nameEnd + at.start();
        switch (at.role()) {
            case OPTION_NAME -> options(parser.get(), buffer, wordStart, from, candidates);
            case OPTION_VALUE ->
                values(at.option(), buffer.substring(from, cursor), buffer, wordStart, from, candidates);
            case CODE -> {
                if (TAKES_FILES.contains(name)) files.complete(reader, line, candidates);
                else if (magic.get().takesJava()) java(buffer, from, cursor, wordStart, candidates);
            }
            case NONE -> {}
        }
    }

    private void magicNames(String sigil, List<Candidate> candidates) {
        for (String name : registry.names()) {
            candidates.add(
                    new Candidate(sigil + name, sigil + name, "magics", registry.summary(name), null, null, true));
        }
    }

    /** Where the code of a cell's first line starts, as running the cell would cut it; past that line when it has no sound options. */
    private static int bodyCodeStart(Supplier<CommandLine> parser, String buffer, int nameEnd, int firstLineEnd) {
        try {
            return nameEnd + CodeStart.parse(parser.get(), buffer.substring(nameEnd, firstLineEnd));
        } catch (CommandLine.ParameterException e) {
            return firstLineEnd;
        }
    }

    private static void options(CommandLine line, String buffer, int wordStart, int from, List<Candidate> candidates) {
        for (OptionSpec option : line.getCommandSpec().options()) {
            String description = option.description().length > 0 ? option.description()[0] : null;
            for (String name : option.names()) {
                add(
                        WordReplacement.candidate(buffer, wordStart, from, name, name, "options", description, true),
                        candidates);
            }
        }
    }

    private void values(
            OptionSpec option, String typed, String buffer, int wordStart, int from, List<Candidate> candidates) {
        List<String> values = new ArrayList<>();
        NamesInSession names =
                option.userObject() instanceof Field field ? field.getAnnotation(NamesInSession.class) : null;
        if (names != null) {
            values.addAll(sessionNames(names.value(), typed));
        } else if (option.completionCandidates() != null) {
            option.completionCandidates().forEach(values::add);
        }
        for (String value : values) {
            // "Box::" goes on with a method: no space after it
            add(
                    WordReplacement.candidate(buffer, wordStart, from, value, value, null, null, !value.endsWith("::")),
                    candidates);
        }
    }

    /** {@code -f}: methods, and classes to go on with {@code ::}; after {@code Box::}, Box's methods. {@code -c}: classes. */
    private List<String> sessionNames(NamesInSession.Kind kind, String typed) {
        SessionNames session = new SessionNames(jshell.get());
        if (kind == NamesInSession.Kind.CLASS) return session.classes();
        int colons = typed.indexOf("::");
        if (colons >= 0) {
            String type = typed.substring(0, colons);
            return session.methodsOf(type).stream()
                    .map(method -> type + "::" + method)
                    .toList();
        }
        List<String> names = new ArrayList<>(session.methods());
        session.classes().forEach(type -> names.add(type + "::"));
        return names;
    }

    private void java(String buffer, int codeStart, int cursor, int wordStart, List<Candidate> candidates) {
        JavaCompletion.add(jshell.get().sourceCodeAnalysis(), buffer, codeStart, cursor, wordStart, candidates);
    }

    private static void add(Candidate candidate, List<Candidate> candidates) {
        if (candidate != null) candidates.add(candidate);
    }
}
