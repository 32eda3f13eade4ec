package dev.perfshell.repl.magic;

import dev.perfshell.engine.EngineInfo;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.timing.runtime.Units;
import picocli.CommandLine.Command;

/** {@code %env}: the engine JVM as launched — version, options, class path, heap. */
@Command(name = "env", description = "Show the engine JVM: version, options, class path, heap, instrumentation.")
final class EnvMagic extends BaseMagic {
    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        EngineInfo info = context.session().request(EngineRequest.info());
        EngineSpec spec = context.session().spec();
        console.println("Engine JVM      " + info.vm() + " (Java " + info.javaVersion() + ", " + info.javaVendor()
                + "), pid " + info.pid());
        console.println("Java home       " + info.javaHome());
        console.println(
                "Engine options  " + String.join(" ", context.session().engine().vmOptions()));
        console.println("User options    "
                + (spec.engineOptions().isEmpty()
                        ? "(none; add with -R OPTION)"
                        : String.join(" ", spec.engineOptions())));
        console.println("Class path      " + info.classPath());
        console.println("User class path "
                + (spec.classPath().isEmpty()
                        ? "(none; add with %classpath add JAR)"
                        : String.join(":", spec.classPath())));
        console.println("Max heap        " + Units.bytes(info.maxHeap()) + ", " + info.processors() + " processors");
        console.println("Instrumentation " + info.instrumentation());
        console.println("Blackhole       "
                + context.session()
                        .blackhole()
                        .map(dev.perfshell.timing.runtime.BlackholeCheck::describe)
                        .orElse("not checked yet (the first %timeit checks that consumed values stay alive)"));
        console.println(
                "Shell JVM       Java " + System.getProperty("java.version") + " (compiles snippets; never runs them)");
        if (!info.hasAgent())
            console.warn("The engine runs without perfshell's agent: profiling magics will not work.");
        return true;
    }
}
