package dev.perfshell.repl.magic;

import picocli.CommandLine.Command;

/**
 * {@code %why}: {@code %timeit --why}. Times the snippet as %timeit does (the same plan and generated class) while the
 * engine records the compiler's events, then says what the JIT did to the code the snippet reaches.
 */
@Command(
        name = "why",
        description =
                "Time a snippet as %%timeit does, then say what the JIT did to its code: inlining refused, receiver"
                        + " types, deoptimisations, escape analysis, on-stack replacement; -v adds C2's inlining tree.",
        footer = {
            "",
            "Every line rests on JFR's compiler events of the timing (jdk.Compilation, jdk.CompilerInlining, jdk.Deoptimization, jdk.CompilerFailure), recorded only while %%why runs, and on the bytes the timing allocated per operation. Options are %%timeit's but --param. -o binds a WhyResult: timing() (the TimeitResult), kinds(), findings(), has(kind)."
        })
final class WhyMagic extends TimeitMagic {
    @Override
    String magic() {
        return "%why";
    }

    @Override
    boolean explains() {
        return true;
    }

    /** --why is what %why is; --param makes a timing per value, and %why explains one. */
    @Override
    public java.util.List<String> optionsNotTaken() {
        return java.util.List.of("--why", "--param");
    }
}
