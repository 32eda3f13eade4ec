package dev.perfshell.repl.why;

import dev.perfshell.profiling.jit.JitAnalysis;
import dev.perfshell.profiling.jit.JitFinding;
import java.util.Locale;
import java.util.Map;

/** The words for each of the JIT's findings: what happened, the evidence, and a hint where there is one. */
public final class WhyText {
    private final JitNames names;

    public WhyText(JitNames names) {
        this.names = names;
    }

    /** What each trap reason means for the code, in plain words (HotSpot's names, JDK 17 to 25). */
    static final Map<String, String> TRAPS = Map.ofEntries(
            Map.entry("unstable_if", "a branch the profile had never seen started being taken"),
            Map.entry("class_check", "a receiver type the compiled code did not expect arrived"),
            Map.entry("bimorphic", "a third receiver type arrived at a call site compiled for two"),
            Map.entry(
                    "bimorphic_or_optimized_type_check",
                    "a third receiver type arrived at a call site compiled for two"),
            Map.entry("null_check", "a null arrived where the profile had never seen one"),
            Map.entry("null_assert", "a value the profile had only seen null was not"),
            Map.entry("range_check", "an array index failed the bounds check the code had left out"),
            Map.entry("div0_check", "a division by zero the profile had never seen"),
            Map.entry("array_check", "an array store of a type the profile had never seen"),
            Map.entry("speculate_class_check", "a type speculated from the profile turned out wrong"),
            Map.entry("speculate_null_check", "a null arrived where the profile speculated none"),
            Map.entry("intrinsic", "an intrinsic's fast path could not handle the input"),
            Map.entry("unloaded", "a class the code uses was not loaded when it was compiled"),
            Map.entry("uninitialized", "a class the code uses was not initialised when it was compiled"),
            Map.entry("unreached", "code the profile had never reached ran"),
            Map.entry("unhandled", "an exception the compiled code did not handle was thrown"),
            Map.entry("predicate", "a loop predicate (a hoisted check) failed"),
            Map.entry("loop_limit_check", "a loop's limit overflowed the compiled code's assumption"),
            Map.entry("age", "the code was recompiled as it aged"),
            Map.entry("constraint", "a class-loading constraint changed"));

    public WhyFinding of(JitFinding f) {
        String callee = f.callee() == null ? null : names.method(f.callee());
        String where = f.method() == null ? "the snippet's code" : names.method(f.method());
        return switch (f.kind()) {
            case COMPILE_FAILED ->
                finding(
                        f,
                        where,
                        callee,
                        where + ": C2 gave up compiling it" + times(f.count()) + " (" + f.reason()
                                + "): it runs as C1's code.",
                        "a smaller method, or -R -XX:+PrintCompilation for the compiler's view.");
            case MEGAMORPHIC ->
                finding(
                        f,
                        where,
                        callee,
                        where + " → " + callee + ": not inlined — the call site saw "
                                + f.receivers().size()
                                + " receiver types (" + String.join(", ", f.receivers())
                                + "): megamorphic, a virtual call"
                                + " each time.",
                        "a monomorphic loop per type, or a switch over a sealed type.");
            case BIMORPHIC ->
                finding(
                        f,
                        where,
                        callee,
                        where + " → " + callee + ": both receiver types (" + String.join(", ", f.receivers())
                                + ") inlined behind a type check (bimorphic); a third type would make it a virtual call.",
                        "");
            case NOT_INLINED ->
                finding(
                        f,
                        where,
                        callee,
                        where + " → " + callee + ": not inlined — " + f.reason() + size(f)
                                + (f.count() > 1 ? ", at " + f.count() + " call sites" : "") + ".",
                        refusalHint(f));
            case DEOPTIMISED ->
                finding(
                        f,
                        where,
                        callee,
                        where + ": deoptimised " + f.count() + (f.count() == 1 ? " time" : " times") + " (" + f.reason()
                                + names.line(f.method(), f.line()) + "): "
                                + TRAPS.getOrDefault(f.reason(), "an assumption of the compiled code failed") + ".",
                        "time it with the inputs it will see, all of them during the warm-up.");
            case ALLOCATION_REMOVED ->
                finding(
                        f,
                        where,
                        callee,
                        where + ": new " + JitAnalysis.simpleName(f.reason()) + names.line(f.method(), f.line())
                                + ": allocation removed (0 B/op): escape analysis scalar-replaced it.",
                        "");
            case ALLOCATES ->
                finding(
                        f,
                        where,
                        callee,
                        "the snippet allocates " + f.size() + " B/op"
                                + (f.count() == 0
                                        ? ", in code it calls (its own code has no new)."
                                        : "; its own new sites: " + f.reason() + "."),
                        "an object stored in a field, returned, or passed to a method that was not inlined escapes;"
                                + " -v shows what was inlined.");
            case OSR_ONLY ->
                finding(
                        f,
                        where,
                        callee,
                        where + ": compiled by C2 only as OSR (on-stack replacement): its loop runs long in one call.",
                        "JMH-style repeated calls may read differently; time a smaller unit of work per call.");
        };
    }

    private static WhyFinding finding(JitFinding f, String method, String callee, String evidence, String hint) {
        return new WhyFinding(f.kind().id(), method, callee, f.reason(), f.count(), evidence, hint);
    }

    private static String times(int count) {
        return count > 1 ? ", " + count + " times" : "";
    }

    /** {@code " (371 bytes > 325)"} when the refusal is about a size and both are known. */
    private static String size(JitFinding f) {
        if (f.size() < 0 || f.limit() < 0) return "";
        return String.format(Locale.ROOT, " (%d bytes > %d)", f.size(), f.limit());
    }

    private static String refusalHint(JitFinding f) {
        return switch (f.reason()) {
            case "hot method too big" -> "FreqInlineSize" + limit(f) + ", or a smaller hot path.";
            case "too big" -> "MaxInlineSize" + limit(f) + " applies to calls that are not hot; a smaller method.";
            case "already compiled into a big method" ->
                "its own machine code is over InlineSmallCode" + (f.limit() < 0 ? "" : " (" + f.limit() + " bytes)")
                        + "; split it, or keep the hot path small.";
            case "inlining too deep" ->
                "the call chain is deeper than MaxInlineLevel" + limit(f) + "; fewer layers on the hot path.";
            case "recursive inlining is too deep" -> "recursion is inlined only a level deep; a loop instead.";
            case "size > DesiredMethodLimit", "NodeCountInliningCutoff" ->
                "the caller has inlined so much that C2" + " stops; split the caller.";
            default -> "-v shows the inlining tree.";
        };
    }

    private static String limit(JitFinding f) {
        return f.limit() < 0 ? "" : " (" + f.limit() + ")";
    }
}
