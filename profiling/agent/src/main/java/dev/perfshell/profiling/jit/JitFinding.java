package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.util.List;

/**
 * One thing the JIT did to the snippet's code that bears on its time, with the evidence from the compiler's events.
 *
 * @param kind      what happened
 * @param method    where: the method that makes the call, allocates or traps (the compiled method for osr-only)
 * @param callee    the method called, for inlining findings; {@code null} otherwise
 * @param reason    the compiler's own words: its inlining message ("hot method too big"), the trap's reason
 *                  ("unstable_if"), the allocated type, or the bailout message
 * @param count     how many: deoptimisations, call sites refused, allocation sites; 1 otherwise
 * @param line      the source line (of the trap or the allocation; -1 when unknown)
 * @param receivers the receiver types a virtual call site saw (the implementations compiled on their own, or inlined
 *                  behind a type check), simple names; empty otherwise
 * @param size      the callee's bytecode size for a too-big refusal, bytes per operation for allocations; -1 otherwise
 * @param limit     the JVM's limit the size was over (FreqInlineSize, MaxInlineSize); -1 otherwise
 */
public record JitFinding(
        Kind kind,
        MethodRef method,
        MethodRef callee,
        String reason,
        int count,
        int line,
        List<String> receivers,
        long size,
        long limit) {

    public JitFinding {
        receivers = List.copyOf(receivers);
    }

    /** What the JIT did, most costly first: the report keeps this order. */
    public enum Kind {
        /** A compilation of the snippet's code bailed out: it runs as slower code, or interpreted. */
        COMPILE_FAILED("compile-failed"),
        /** A virtual call C2 did not inline: the site saw more receiver types than it inlines. */
        MEGAMORPHIC("megamorphic"),
        /** C2 refused to inline a hot call (too big, too deep, already big). */
        NOT_INLINED("not-inlined"),
        /** Compiled code went back to the interpreter on a failed speculation. */
        DEOPTIMISED("deoptimised"),
        /** The code allocates per operation, though the snippet's own new sites could be removed. */
        ALLOCATES("allocates"),
        /** The snippet's code has new sites and allocates nothing per operation: escape analysis removed them. */
        ALLOCATION_REMOVED("allocation-removed"),
        /** A loop's method reached C2 only as on-stack replacement. */
        OSR_ONLY("osr-only"),
        /** A call site with two receiver types, both inlined behind a type check. */
        BIMORPHIC("bimorphic");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name in the report and the export, e.g. {@code not-inlined}. */
        public String id() {
            return id;
        }
    }
}
