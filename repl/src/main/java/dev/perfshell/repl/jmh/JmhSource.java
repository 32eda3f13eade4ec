package dev.perfshell.repl.jmh;

/**
 * A generated benchmark: its Java source and the names JMH will know it by.
 *
 * @param packageName a fresh package per run (JMH's names are global; a stale list would be read)
 * @param source      the whole compilation unit
 * @param codeOffset  where the user's benchmark code starts in {@code source}, to place a compile error's caret
 * @param code        the user's code as placed there
 * @param expression  whether the code's value is returned (or consumed), rather than run as statements
 */
public record JmhSource(
        String packageName, String source, int codeOffset, String code, boolean expression, boolean resetsProfiles) {
    public static final String SESSION_CLASS = "PerfshellSession";
    public static final String BENCHMARK_CLASS = "PerfshellBenchmark";
    public static final String METHOD = "run";

    public String fileName() {
        return packageName.replace('.', '/') + "/" + SESSION_CLASS + ".java";
    }

    /** JMH's regular expression that selects exactly this run's benchmark. */
    public String include() {
        return "^" + packageName.replace(".", "\\.") + "\\..*";
    }
}
