package dev.perfshell.timing.runtime;

/**
 * The shell's request to time one generated class ({@code %timeit}); written by the shell and read by the engine with
 * {@link WireForm}: the class, the plan and two switches.
 *
 * @param className    the generated {@link Timed} class's binary name
 * @param watchJit     follow the snippet's compilations with JFR (off for {@code %memit}'s allocation runs: starting
 *                     JFR costs the engine's first timing about 0.7 s)
 * @param keepProfiles time with the JIT profiles earlier code left ({@code --keep-profiles}); by default the engine
 *                     resets them first, so the snippet reads what a forked JVM would
 */
public record TimeitRequest(String className, TimeitPlan plan, boolean watchJit, boolean keepProfiles) {

    /**
     * {@code %compare}'s request: the generated classes timed under one plan, their runs interleaved.
     *
     * @param classNames the classes, in the order of the replies
     */
    public record Interleaved(java.util.List<String> classNames, TimeitPlan plan, boolean keepProfiles) {
        public Interleaved {
            classNames = java.util.List.copyOf(classNames);
        }
    }
}
