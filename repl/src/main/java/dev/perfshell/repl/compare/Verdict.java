package dev.perfshell.repl.compare;

/** What a comparison concludes for one result (Criterion's four outcomes). */
public enum Verdict {
    /** Significantly better, by at least the threshold. */
    FASTER("faster"),
    /** Significantly worse, by at least the threshold: a regression. */
    SLOWER("slower"),
    /** The interval of the change includes 0: no difference at the confidence level. */
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** A real difference, but smaller than the threshold: noise between builds and machines is larger. */
    WITHIN_NOISE("within noise threshold"),
    /**
     * A difference beyond the threshold in the runs of one engine a side, which cannot say whether the builds
     * differ or the two engines did: runs within one JVM share its JIT outcome and heap layout, so their interval
     * leaves out the engine-to-engine variation. Needs {@code --forks} on both sides to become a verdict.
     */
    INCONCLUSIVE("inconclusive (one engine a side)");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
