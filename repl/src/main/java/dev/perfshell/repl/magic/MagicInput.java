package dev.perfshell.repl.magic;

/**
 * What follows a magic's options: the code of a line magic ({@code %time fib(20)}) verbatim, or a
 * cell magic's first-line argument and its body lines.
 *
 * @param code the rest of the first line after the options, exactly as typed
 * @param body the lines after a cell magic's first line, or {@code null} for a line magic
 */
public record MagicInput(String code, String body) {
    public boolean cell() {
        return body != null;
    }

    /** The code to run: the cell's body, or the line's code. */
    public String text() {
        return cell() ? body : code;
    }
}
