package dev.perfshell.timing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing {@code %timeit} found about a measurement that changes how far its number can be trusted: a kind and
 * the measured facts behind it. Computed beside the statistics ({@link TimeitFindings}), printed by one renderer
 * ({@link FindingText}), exported as {@code findings: [{kind, ...facts}]}. Each kind is raised only on evidence that
 * the number is affected (docs/findings.md says what each one measured on a corpus with JMH twins).
 *
 * @param kind  what was found
 * @param facts the measurements behind it, by name (numbers and strings), in a fixed order
 */
public record Finding(Kind kind, Map<String, Object> facts) {

    /** The kinds, with the names the JSON export uses. */
    public enum Kind {
        /** IPython's rule: the slowest run took more than 4× the fastest (and over 1 µs). */
        SLOWEST_RUN("slowest-run"),
        /** The differential control: with its literals read from fields the snippet is much slower: folded. */
        FOLDED("folded"),
        /** As fast as the engine's empty loop, per call of the snippet. */
        EMPTY_LOOP("empty-loop"),
        /** The snippet's own code was compiled or deoptimised during the runs that were kept. */
        JIT_DURING_MEASUREMENT("jit-during-measurement"),
        /** The timing loop should have been compiled by C2 and was not: C1's code was timed. */
        NOT_COMPILED("not-compiled"),
        /** The measured runs still trended: every run of the last third beyond every run of the first. */
        DRIFT("drift"),
        /** An old-generation or full collection ran during the measurement. */
        OLD_GC("old-gc"),
        /** Runs wrote to never-touched memory (the heap still growing) and were slower for it. */
        HEAP_GROWING("heap-growing"),
        /** The timing thread waited for a CPU during runs: other threads or processes held the cores. */
        CPU_WAIT("cpu-wait"),
        /** The 99.9% confidence interval of the mean is wide. */
        WIDE_SPREAD("wide-spread"),
        /** Earlier code's JIT profiles could not be reset before the snippet was timed. */
        PROFILES_NOT_RESET("profiles-not-reset");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in exports and tables, e.g. {@code empty-loop}. */
        public String id() {
            return id;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** A finding from alternating names and values: {@code of(Kind.OLD_GC, "collections", 2)}. */
    public static Finding of(Kind kind, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must pair up");
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return new Finding(kind, facts);
    }

    /** A numeric fact. */
    public double number(String name) {
        return ((Number) facts.get(name)).doubleValue();
    }

    /** A fact as it was given. */
    public Object fact(String name) {
        return facts.get(name);
    }
}
