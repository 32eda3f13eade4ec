package dev.perfshell.repl.compare;

/** What a comparison concludes for one result (Criterion's four outcomes). */
public enum Verdict {
    /** Significantly better, by at least the threshold. */
    FASTER("faster"),
    /** Significantly worse, by at least the threshold: a regression. */
    SLOWER("slower"),
    /** Neither test finds a difference, or the interval of the change includes 0. */
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** A real difference, but smaller than the threshold: noise between builds and machines is larger. */
    WITHIN_NOISE("within noise threshold");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
