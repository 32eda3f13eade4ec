package dev.perfshell.repl.why;

/**
 * One line of %why's report, as printed and exported.
 *
 * @param kind     the finding's kind ({@code megamorphic}, {@code not-inlined}, ...)
 * @param method   where, as %why names methods ({@code total(Shape[])}, {@code <snippet>})
 * @param callee   the method called, for inlining findings; {@code null} otherwise
 * @param reason   the compiler's own words (its inlining message, the trap's reason, the allocated type)
 * @param count    how many times, or how many sites
 * @param evidence what happened and what shows it, in plain words
 * @param hint     what to try, or "" when there is nothing to do
 */
public record WhyFinding(
        String kind, String method, String callee, String reason, int count, String evidence, String hint) {

    /** The printed line: the evidence, then the hint. */
    public String line() {
        return hint.isEmpty() ? evidence : evidence + " Hint: " + hint;
    }
}
