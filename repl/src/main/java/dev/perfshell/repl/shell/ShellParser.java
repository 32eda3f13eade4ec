package dev.perfshell.repl.shell;

import dev.perfshell.repl.script.InputCompleteness;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser, told when an input is unfinished: Enter then opens a continuation line instead
 * of accepting, so a multi-line method is edited as one buffer. Java's quotes and backslashes are
 * left alone (JLine's shell-style quoting would mangle string literals).
 */
final class ShellParser extends DefaultParser {
    private final InputCompleteness completeness;

    ShellParser(InputCompleteness completeness) {
        this.completeness = completeness;
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
        setEofOnUnclosedBracket();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !completeness.complete(line)) {
            throw new EOFError(-1, cursor, "incomplete input");
        }
        return super.parse(line, cursor, context);
    }
}
