package dev.perfshell.repl.compare;

/**
 * The values a result's statistical test is run on: per-engine centers when both files were forked
 * into two or more engine JVMs for it, else the runs' samples.
 */
public record Evidence(Kind kind, double[] base, double[] candidate) {

    /** What one value stands for. */
    public enum Kind {
        /** One engine JVM's center: the replication unit: two engines differ by more than runs within one. */
        ENGINES("engines"),
        /** One run inside an engine: runs of one JVM share its JIT outcome, so they understate the spread. */
        RUNS("runs");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Evidence {
        base = base.clone();
        candidate = candidate.clone();
    }

    static Evidence of(MetricBlock base, MetricBlock candidate) {
        if (base.forks().size() >= 2 && candidate.forks().size() >= 2) {
            return new Evidence(Kind.ENGINES, base.engineCenters(), candidate.engineCenters());
        }
        return new Evidence(Kind.RUNS, base.samples(), candidate.samples());
    }

    /** A test needs at least two values on each side (a variance). */
    public boolean testable() {
        return base.length >= 2 && candidate.length >= 2;
    }

    /** Neither side varies (exact counts such as bytes allocated): one engine's values are every engine's. */
    public boolean exact() {
        return java.util.Arrays.stream(base).distinct().count() <= 1
                && java.util.Arrays.stream(candidate).distinct().count() <= 1;
    }

    /** {@code 3+3 engines}, {@code 5+5 runs}. */
    public String describe() {
        return base.length + "+" + candidate.length + " " + kind.text();
    }

    @Override
    public double[] base() {
        return base.clone();
    }

    @Override
    public double[] candidate() {
        return candidate.clone();
    }
}
