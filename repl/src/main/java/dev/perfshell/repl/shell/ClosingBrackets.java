package dev.perfshell.repl.shell;

import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * Typing {@code }}, {@code )} or {@code ]}: JLine's own widgets blink the matching bracket and, with an
 * indentation set (the shell's 4, for continuation lines), delete up to that many spaces before the bracket,
 * to dedent a closing brace on its own line. They do it wherever the bracket is typed, so {@code { 1, 2 }}
 * became {@code { 1, 2}} in the input, and jshell kept that source ({@code /list}). Here the dedent happens only
 * when nothing but spaces precedes the bracket on its line; the blink stays everywhere.
 */
final class ClosingBrackets {
    static final String NAME = "perfshell-insert-close";

    private ClosingBrackets() {}

    static void install(LineReader reader) {
        reader.getWidgets().put(NAME, () -> insertClose(reader));
        KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        for (String bracket : new String[] {"}", ")", "]"}) main.bind(new Reference(NAME), bracket);
    }

    private static boolean insertClose(LineReader reader) {
        String widget = switch (reader.getLastBinding()) {
            case ")" -> LineReader.INSERT_CLOSE_PAREN;
            case "]" -> LineReader.INSERT_CLOSE_SQUARE;
            default -> LineReader.INSERT_CLOSE_CURLY;
        };
        if (startsItsLine(reader)) {
            reader.callWidget(widget);
            return true;
        }
        Object indentation = reader.getVariable(LineReader.INDENTATION);
        reader.setVariable(LineReader.INDENTATION, 0);
        try {
            reader.callWidget(widget);
            return true;
        } finally {
            reader.setVariable(LineReader.INDENTATION, indentation);
        }
    }

    /** Only spaces between the start of the cursor's line and the cursor. */
    private static boolean startsItsLine(LineReader reader) {
        String text = reader.getBuffer().upToCursor();
        String line = text.substring(text.lastIndexOf('\n') + 1);
        return line.isBlank();
    }
}
