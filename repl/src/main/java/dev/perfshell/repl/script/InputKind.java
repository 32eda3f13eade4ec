package dev.perfshell.repl.script;

/** The router's one predicate: what a complete input is. */
public enum InputKind {
    BLANK,
    LINE_MAGIC,
    CELL_MAGIC,
    COMMAND,
    JAVA;

    public static InputKind of(String input) {
        String s = input.stripLeading();
        if (s.isEmpty()) return BLANK;
        if (s.startsWith("%%")) return CELL_MAGIC;
        if (s.startsWith("%")) return LINE_MAGIC; // '%' cannot start Java code
        // '/' followed by a letter is a jshell command; "/*" and "//" stay Java comments.
        if (s.length() > 1
                && s.charAt(0) == '/'
                && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '?' || s.charAt(1) == '!')) {
            return COMMAND;
        }
        return JAVA;
    }
}
