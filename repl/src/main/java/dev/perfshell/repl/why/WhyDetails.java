package dev.perfshell.repl.why;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.ResultRecord;

/**
 * A %why result in the export: %timeit's figures, with the JIT's findings after %timeit's own in {@code findings}
 * ({@code {kind, method, callee, reason, count, evidence, hint}}).
 *
 * @param timing %timeit's figures of the same timing
 * @param report what the JIT did
 */
public record WhyDetails(ResultRecord.Details timing, WhyReport report) implements ResultRecord.Details {

    /**
     * The %timeit record of the timing, with what the JIT did.
     *
     * @param magic {@code why}, or {@code timeit} for {@code %timeit --why}
     */
    public static ResultRecord record(ResultRecord timeit, WhyReport report, String magic) {
        return new ResultRecord(
                magic,
                timeit.label(),
                timeit.source(),
                timeit.params(),
                timeit.script(),
                timeit.line(),
                timeit.warnings(),
                timeit.metric(),
                new WhyDetails(timeit.details(), report),
                timeit.complexity());
    }

    @Override
    public void writeJson(ObjectNode node) {
        timing.writeJson(node);
        node.put("jit", report.summary());
        ArrayNode findings = node.withArray("findings");
        for (WhyFinding f : report.findings()) {
            ObjectNode one = findings.addObject();
            one.put("kind", f.kind());
            one.put("method", f.method());
            one.put("callee", f.callee());
            one.put("reason", f.reason());
            one.put("count", f.count());
            one.put("evidence", f.evidence());
            one.put("hint", f.hint());
        }
    }

    @Override
    public double allocatedBytesPerOp() {
        return timing.allocatedBytesPerOp();
    }
}
