package dev.perfshell.repl.shell;

import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;

/**
 * Shift-Tab, as in jshell: the signatures (and javadoc, where the JDK's sources are installed)
 * of what is at the cursor, printed above the prompt without touching the buffer.
 */
final class DocumentationWidget implements Widget {
    static final String NAME = "perfshell-documentation";
    private static final int JAVADOC_LINES = 6;

    private final LineReader reader;
    private final Shell shell;

    DocumentationWidget(LineReader reader, Shell shell) {
        this.reader = reader;
        this.shell = shell;
    }

    @Override
    public boolean apply() {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        List<SourceCodeAnalysis.Documentation> docs =
                shell.session().engine().jshell().sourceCodeAnalysis().documentation(buffer, cursor, true);
        StringBuilder text = new StringBuilder();
        if (docs.isEmpty()) text.append("(no documentation at the cursor)");
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (text.length() > 0) text.append('\n');
            text.append(doc.signature());
            if (doc.javadoc() != null) {
                doc.javadoc()
                        .strip()
                        .lines()
                        .limit(JAVADOC_LINES)
                        .forEach(l -> text.append("\n    ").append(l.strip()));
            }
        }
        reader.printAbove(text.toString());
        return true;
    }
}
