package dev.perfshell.timing.runtime;

import java.util.List;

/**
 * What {@code %why -o NAME} binds in the session: the timing (a {@link TimeitResult}) and what the JIT did to the
 * snippet's code, one finding per line as %why printed it, each with its kind ({@code megamorphic},
 * {@code not-inlined}, ...).
 */
public final class WhyResult {
    private final TimeitResult timing;
    private final List<String> kinds;
    private final List<String> findings;

    public WhyResult(TimeitResult timing, String[] kinds, String[] findings) {
        if (kinds.length != findings.length) throw new IllegalArgumentException("one kind per finding");
        this.timing = timing;
        this.kinds = List.of(kinds);
        this.findings = List.of(findings);
    }

    /** The timing, as %timeit -o would have bound it. */
    public TimeitResult timing() {
        return timing;
    }

    /** Each finding's kind, in the report's order. */
    public List<String> kinds() {
        return kinds;
    }

    /** Each finding's line: what happened, the evidence and a hint. */
    public List<String> findings() {
        return findings;
    }

    /** Whether a finding of {@code kind} was made. */
    public boolean has(String kind) {
        return kinds.contains(kind);
    }

    /** The timing line, then the findings, one per line. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(timing.toString());
        for (int i = 0; i < findings.size(); i++)
            out.append('\n').append(kinds.get(i)).append(": ").append(findings.get(i));
        return out.toString();
    }
}
