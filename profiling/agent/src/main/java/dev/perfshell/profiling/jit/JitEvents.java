package dev.perfshell.profiling.jit;

import java.util.List;
import java.util.Map;

/**
 * What the JIT did to the code a snippet reaches while %why timed it, from JFR's compiler events: the compilations of
 * the session's methods (and of methods they called without inlining them), every inlining decision made inside
 * those compilations, their deoptimisations and failures. Methods are named by binary class name (dotted), method
 * name and descriptor.
 *
 * @param compilations    in the order they ended
 * @param inlinings       in the order the compiler decided them, which is the order it walked the call tree
 * @param deoptimizations in the order they happened
 * @param failures        compilations that bailed out
 * @param bytecodeSizes   the bytecode length of the callees the JIT refused as too big, by {@link MethodRef#key()}
 * @param allocations     the {@code new} sites of the session's methods that were compiled or inlined
 * @param limits          the inlining limits of the engine's JVM ({@code FreqInlineSize}, {@code MaxInlineSize},
 *                        {@code MaxInlineLevel}, {@code InlineSmallCode}), by name
 * @param sessionClasses  the session's classes among those named (binary names): what "the snippet's code" is
 */
public record JitEvents(
        List<String> sessionClasses,
        List<Compilation> compilations,
        List<Inlining> inlinings,
        List<Deoptimization> deoptimizations,
        List<Failure> failures,
        Map<String, Integer> bytecodeSizes,
        List<AllocationSite> allocations,
        Map<String, Long> limits) {

    public JitEvents {
        sessionClasses = List.copyOf(sessionClasses);
        compilations = List.copyOf(compilations);
        inlinings = List.copyOf(inlinings);
        deoptimizations = List.copyOf(deoptimizations);
        failures = List.copyOf(failures);
        bytecodeSizes = Map.copyOf(bytecodeSizes);
        allocations = List.copyOf(allocations);
        limits = Map.copyOf(limits);
    }

    /** Whether {@code owner} is one of the session's classes (a snippet's are all in JShell's {@code REPL} package). */
    public boolean isSession(String owner) {
        return owner.startsWith("REPL.") || sessionClasses.contains(owner);
    }

    /** A method: binary class name with dots ({@code REPL.$JShell$12$Shape}), name, descriptor. */
    public record MethodRef(String owner, String name, String descriptor) {
        /** {@code owner.name descriptor}: one key per method. */
        public String key() {
            return owner + "." + name + descriptor;
        }
    }

    /**
     * One compilation.
     *
     * @param level        the tier: 1-3 C1, 4 C2
     * @param osr          an on-stack replacement: compiled to enter a running loop
     * @param codeSize     the machine code's size in bytes
     * @param inlinedBytes bytecode inlined into it
     */
    public record Compilation(
            int compileId,
            MethodRef method,
            int level,
            boolean osr,
            boolean succeeded,
            long codeSize,
            long inlinedBytes,
            long durationNanos) {}

    /**
     * One inlining decision inside compilation {@code compileId}: at {@code bci} of {@code caller} (the compiled
     * method, or a method already inlined into it), {@code callee} was inlined or not, and the compiler's reason.
     */
    public record Inlining(
            int compileId, MethodRef caller, MethodRef callee, int bci, boolean succeeded, String message) {}

    /**
     * One deoptimisation: compiled code of compilation {@code compileId} hit a trap at {@code bci} of {@code method}
     * (the compiled method or one inlined into it) and went back to the interpreter.
     *
     * @param reason what the trap checked (unstable_if, class_check, null_check, ...)
     * @param action what the JVM did about it (reinterpret, make_not_entrant, ...)
     */
    public record Deoptimization(
            int compileId, MethodRef method, int line, int bci, String instruction, String reason, String action) {}

    /** A compilation that bailed out, with the compiler's message. */
    public record Failure(int compileId, String message) {}

    /** A {@code new} of {@code type} (dotted binary name) at {@code line} of {@code method}. */
    public record AllocationSite(MethodRef method, String type, int line) {}
}
