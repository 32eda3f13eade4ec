package dev.perfshell.repl.magic;

import dev.perfshell.engine.EngineProtocol;
import dev.perfshell.repl.engine.EngineSpec;
import dev.perfshell.repl.shell.Console;
import dev.perfshell.timing.Units;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code %env}: the engine JVM as launched — version, options, class path, heap. */
@Command(name = "env", description = "Show the engine JVM: version, options, class path, heap, instrumentation.")
final class EnvMagic extends BaseMagic {
    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Map<?, ?> info = (Map<?, ?>) context.session().command(EngineProtocol.INFO, null);
        EngineSpec spec = context.session().spec();
        console.println("Engine JVM      " + info.get("vm") + " (Java " + info.get("java.version") + ", "
                + info.get("java.vendor") + "), pid " + info.get("pid"));
        console.println("Java home       " + info.get("java.home"));
        console.println("Engine options  " + String.join(" ", context.session().engine().vmOptions()));
        console.println("User options    " + (spec.engineOptions().isEmpty() ? "(none; add with -R OPTION)" : String.join(" ", spec.engineOptions())));
        console.println("Class path      " + info.get("classPath"));
        console.println("User class path " + (spec.classPath().isEmpty() ? "(none; add with %classpath add JAR)" : String.join(":", spec.classPath())));
        console.println("Max heap        " + Units.bytes(((Number) info.get("maxHeap")).doubleValue())
                + ", " + info.get("processors") + " processors");
        console.println("Instrumentation " + info.get("instrumentation"));
        console.println("Shell JVM       Java " + System.getProperty("java.version") + " (compiles snippets; never runs them)");
        List<?> args = (List<?>) info.get("inputArguments");
        if (args != null && args.stream().noneMatch(a -> a.toString().startsWith("-javaagent"))) {
            console.warn("The engine runs without perfshell's agent: profiling magics will not work.");
        }
        return true;
    }
}
