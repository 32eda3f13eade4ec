package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.AllocationSite;
import dev.perfshell.profiling.jit.JitEvents.Compilation;
import dev.perfshell.profiling.jit.JitEvents.Deoptimization;
import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import dev.perfshell.profiling.jit.JitFinding.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the compiler's events for a snippet into findings: what C2 did to the code that was measured (the last C2
 * compilation of each of the session's compiled methods), and what the earlier tiers and the timing's allocation say
 * about it. Every finding rests on an event or a measured figure; where the events do not settle a question (a
 * virtual call C2 made no decision about, with fewer than three receiver types compiled), there is no finding.
 */
public final class JitAnalysis {
    /**
     * C2's refusals that cost time on a hot path. Its other refusals ("too big": over MaxInlineSize at a call that is
     * not hot; "call site not reached", "never executed", "low call site frequency", "too cold") are about code that
     * hardly ran, and the inlining tree (-v) shows them.
     */
    static final Set<String> COSTLY_REFUSALS = Set.of(
            "hot method too big",
            "already compiled into a big method",
            "already compiled into a medium method",
            "inlining too deep",
            "recursive inlining is too deep",
            "size > DesiredMethodLimit",
            "NodeCountInliningCutoff",
            "don't inline by annotation",
            "native method",
            "unloaded signature classes");

    /** Receiver types at one site from which C2 stops inlining: it inlines one or two (TypeProfileMajorReceiverPercent). */
    static final int MEGAMORPHIC_RECEIVERS = 3;

    private final JitEvents events;

    public JitAnalysis(JitEvents events) {
        this.events = events;
    }

    /**
     * @param allocatedBytesPerOp what the timing thread allocated per operation in the measured runs (NaN: unknown)
     * @return the findings, most costly first
     */
    public List<JitFinding> findings(double allocatedBytesPerOp) {
        List<JitFinding> findings = new ArrayList<>();
        Map<MethodRef, Compilation> measured = measuredCompilations();
        failures(findings);
        for (Compilation compilation : measured.values()) {
            if (compilation.level() < 4) continue;
            megamorphic(compilation, findings);
            bimorphic(compilation, findings);
            refusals(compilation, findings);
        }
        deoptimisations(findings);
        allocations(measured, allocatedBytesPerOp, findings);
        osrOnly(findings);
        findings.sort(Comparator.comparing(JitFinding::kind).thenComparing(f -> -f.count()));
        return distinct(findings);
    }

    /**
     * One finding per kind, place and reason: a method compiled on its own and inlined into the snippet's loop is
     * refused the same callee in both compilations, and C2 posts a retried compilation's decisions again.
     */
    private static List<JitFinding> distinct(List<JitFinding> findings) {
        Map<List<Object>, JitFinding> first = new LinkedHashMap<>();
        for (JitFinding f : findings) {
            List<Object> key = java.util.Arrays.asList(f.kind(), f.method(), f.callee(), f.reason(), f.line());
            first.merge(key, f, (kept, again) -> kept.count() >= again.count() ? kept : again);
        }
        return new ArrayList<>(first.values());
    }

    /**
     * The compilation whose code ran last for each of the session's methods: the last C2 compilation (a standard one
     * over an on-stack one), else the last of a lower tier. Keyed by method, in the order the methods first compiled.
     */
    public Map<MethodRef, Compilation> measuredCompilations() {
        Map<MethodRef, Compilation> best = new LinkedHashMap<>();
        for (Compilation c : events.compilations()) {
            if (!c.succeeded() || !events.isSession(c.method().owner()) || JitRecording.isHarnessSetup(c.method()))
                continue;
            Compilation previous = best.get(c.method());
            if (previous == null || rank(c) >= rank(previous)) best.put(c.method(), c);
        }
        return best;
    }

    /** C2 standard over C2 on-stack over lower tiers; among equals, the later one. */
    private static int rank(Compilation c) {
        return c.level() * 2 + (c.osr() ? 0 : 1);
    }

    private void failures(List<JitFinding> findings) {
        Map<Integer, MethodRef> compiled = new LinkedHashMap<>();
        for (Compilation c : events.compilations()) compiled.put(c.compileId(), c.method());
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        for (JitEvents.Failure f : events.failures()) {
            MethodRef method = compiled.get(f.compileId());
            if (method != null) counts.merge(List.of(method, f.message()), 1, Integer::sum);
        }
        counts.forEach((key, count) -> findings.add(new JitFinding(
                Kind.COMPILE_FAILED, (MethodRef) key.get(0), null, (String) key.get(1), count, -1, List.of(), -1, -1)));
    }

    /**
     * A virtual call site (C1 found no static binding for it) inside the measured C2 code, about which C2 made no
     * inlining decision at all, while three or more implementations of the callee were compiled on their own: C2 made
     * a virtual call there.
     */
    private void megamorphic(Compilation measured, List<JitFinding> findings) {
        Set<MethodRef> inTree = inlinedInto(measured);
        Set<List<Object>> decided = new LinkedHashSet<>();
        for (Inlining i : inliningsOf(measured.compileId())) decided.add(List.of(i.caller(), i.bci()));
        Set<List<Object>> reported = new LinkedHashSet<>();
        for (Compilation earlier : events.compilations()) {
            if (!earlier.method().equals(measured.method()) || earlier.level() >= 4) continue;
            for (Inlining site : inliningsOf(earlier.compileId())) {
                List<Object> where = List.of(site.caller(), site.bci());
                if (site.succeeded() || !"no static binding".equals(site.message())) continue;
                if (!inTree.contains(site.caller()) || decided.contains(where) || !reported.add(where)) continue;
                List<String> receivers = implementationsCompiled(site.callee());
                if (receivers.size() < MEGAMORPHIC_RECEIVERS) continue;
                findings.add(new JitFinding(
                        Kind.MEGAMORPHIC, site.caller(), site.callee(), "virtual call", 1, -1, receivers, -1, -1));
            }
        }
    }

    /** Two or more receiver types inlined at one site, each behind a type check. */
    private void bimorphic(Compilation measured, List<JitFinding> findings) {
        Map<List<Object>, List<Inlining>> bySite = new LinkedHashMap<>();
        for (Inlining i : inliningsOf(measured.compileId())) {
            if (i.succeeded())
                bySite.computeIfAbsent(
                                List.of(
                                        i.caller(),
                                        i.bci(),
                                        i.callee().name() + i.callee().descriptor()),
                                k -> new ArrayList<>())
                        .add(i);
        }
        bySite.values().forEach(site -> {
            List<String> receivers = site.stream()
                    .map(i -> simpleName(i.callee().owner()))
                    .distinct()
                    .toList();
            if (receivers.size() >= 2)
                findings.add(new JitFinding(
                        Kind.BIMORPHIC,
                        site.get(0).caller(),
                        site.get(0).callee(),
                        "inlined behind a type check",
                        1,
                        -1,
                        receivers,
                        -1,
                        -1));
        });
    }

    /** C2's costly refusals in the measured code, one finding per caller, callee and message. */
    private void refusals(Compilation measured, List<JitFinding> findings) {
        // counted by call site: C2 posts a retried compilation's decisions again
        Map<List<Object>, Set<Integer>> sites = new LinkedHashMap<>();
        Map<List<Object>, Inlining> first = new LinkedHashMap<>();
        for (Inlining i : inliningsOf(measured.compileId())) {
            if (i.succeeded() || !COSTLY_REFUSALS.contains(i.message())) continue;
            List<Object> key = List.of(i.caller(), i.callee(), i.message());
            sites.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(i.bci());
            first.putIfAbsent(key, i);
        }
        first.forEach((key, i) -> {
            // a bytecode size is what the size limits compare; InlineSmallCode compares the callee's machine code
            long size = i.message().equals("hot method too big") || i.message().equals("too big")
                    ? events.bytecodeSizes().getOrDefault(i.callee().key(), -1)
                    : -1;
            findings.add(new JitFinding(
                    Kind.NOT_INLINED,
                    i.caller(),
                    i.callee(),
                    i.message(),
                    sites.get(key).size(),
                    -1,
                    List.of(),
                    size,
                    limitFor(i.message())));
        });
    }

    /** The JVM flag a refusal's message is about, or -1. */
    private long limitFor(String message) {
        String flag = switch (message) {
            case "hot method too big" -> "FreqInlineSize";
            case "too big" -> "MaxInlineSize";
            case "inlining too deep" -> "MaxInlineLevel";
            case "already compiled into a big method" -> "InlineSmallCode";
            default -> null;
        };
        return flag == null ? -1 : events.limits().getOrDefault(flag, -1L);
    }

    /** Traps in the session's code, by method, reason and line. */
    private void deoptimisations(List<JitFinding> findings) {
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        for (Deoptimization d : events.deoptimizations()) {
            if (JitRecording.isHarness(d.method())) continue;
            counts.merge(List.of(d.method(), d.reason(), d.line()), 1, Integer::sum);
        }
        counts.forEach((key, count) -> findings.add(new JitFinding(
                Kind.DEOPTIMISED,
                (MethodRef) key.get(0),
                null,
                (String) key.get(1),
                count,
                (int) key.get(2),
                List.of(),
                -1,
                -1)));
    }

    /**
     * The snippet's {@code new} sites against the bytes it allocated per operation: none allocated while a site sits in
     * C2-compiled code means escape analysis removed it; bytes allocated are reported with the sites that could be
     * them (the JDK code it calls allocates too, so no single site is blamed).
     */
    private void allocations(Map<MethodRef, Compilation> measured, double bytesPerOp, List<JitFinding> findings) {
        if (Double.isNaN(bytesPerOp)) return;
        Set<MethodRef> compiledByC2 = new LinkedHashSet<>();
        for (Compilation c : measured.values()) if (c.level() == 4) compiledByC2.addAll(inlinedInto(c));
        List<AllocationSite> sites = events.allocations().stream()
                .filter(s -> compiledByC2.contains(s.method()))
                .toList();
        if (bytesPerOp < 0.5) {
            for (AllocationSite site : sites)
                findings.add(new JitFinding(
                        Kind.ALLOCATION_REMOVED, site.method(), null, site.type(), 1, site.line(), List.of(), 0, -1));
        } else {
            String types = String.join(
                    ", ",
                    sites.stream().map(s -> simpleName(s.type())).distinct().toList());
            MethodRef where = sites.isEmpty() ? null : sites.get(0).method();
            findings.add(new JitFinding(
                    Kind.ALLOCATES,
                    where,
                    null,
                    types,
                    sites.size(),
                    sites.isEmpty() ? -1 : sites.get(0).line(),
                    List.of(),
                    Math.round(bytesPerOp),
                    -1));
        }
    }

    /** The session's methods whose C2 code is on-stack replacement only: a long loop entered in few calls. */
    private void osrOnly(List<JitFinding> findings) {
        Map<MethodRef, boolean[]> c2 = new LinkedHashMap<>(); // [osr seen, standard seen]
        for (Compilation c : events.compilations()) {
            if (c.level() != 4
                    || !c.succeeded()
                    || !events.isSession(c.method().owner())
                    || JitRecording.isHarness(c.method())) continue;
            boolean[] seen = c2.computeIfAbsent(c.method(), k -> new boolean[2]);
            seen[c.osr() ? 0 : 1] = true;
        }
        Set<MethodRef> inlinedByC2 = inlinedByC2();
        c2.forEach((method, seen) -> {
            if (seen[0] && !seen[1] && !inlinedByC2.contains(method))
                findings.add(
                        new JitFinding(Kind.OSR_ONLY, method, null, "on-stack replacement", 1, -1, List.of(), -1, -1));
        });
    }

    /** The methods some C2 compilation inlined. */
    private Set<MethodRef> inlinedByC2() {
        Set<Integer> c2 = new LinkedHashSet<>();
        for (Compilation c : events.compilations()) if (c.level() == 4) c2.add(c.compileId());
        Set<MethodRef> inlined = new LinkedHashSet<>();
        for (Inlining i : events.inlinings()) if (i.succeeded() && c2.contains(i.compileId())) inlined.add(i.callee());
        return inlined;
    }

    /** The compiled method and every method inlined into it. */
    Set<MethodRef> inlinedInto(Compilation compilation) {
        Set<MethodRef> methods = new LinkedHashSet<>();
        methods.add(compilation.method());
        for (Inlining i : inliningsOf(compilation.compileId())) if (i.succeeded()) methods.add(i.callee());
        return methods;
    }

    /** The inlining decisions of one compilation, in the order the compiler made them. */
    public List<Inlining> inliningsOf(int compileId) {
        return events.inlinings().stream()
                .filter(i -> i.compileId() == compileId)
                .toList();
    }

    /** Implementations of {@code callee}'s method in other classes, compiled on their own: the receivers it saw. */
    private List<String> implementationsCompiled(MethodRef callee) {
        return events.compilations().stream()
                .map(Compilation::method)
                .filter(m -> m.name().equals(callee.name())
                        && m.descriptor().equals(callee.descriptor())
                        && !m.owner().equals(callee.owner()))
                .map(m -> simpleName(m.owner()))
                .distinct()
                .toList();
    }

    /** {@code Sq} for {@code REPL.$JShell$12$Sq}, {@code HashMap} for {@code java.util.HashMap}. */
    public static String simpleName(String binaryName) {
        String name = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        int nested = name.lastIndexOf('$');
        return nested >= 0 && nested < name.length() - 1 ? name.substring(nested + 1) : name;
    }

    /** The measured compilation of a method, if the session's code has one. */
    public Optional<Compilation> measured(MethodRef method) {
        return Optional.ofNullable(measuredCompilations().get(method));
    }
}
