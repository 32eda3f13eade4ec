package dev.perfshell.repl.magic;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.memory.HiddenValue;
import dev.perfshell.repl.memory.SizeofDetails;
import dev.perfshell.repl.render.SizeofRenderer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %sizeof EXPR}: the deep footprint of the object graph an expression returns, with JOL's
 * GraphLayout (total, then a per-class table like JOL's footprint), and with {@code -v} the root's field
 * layout (JOL's ClassLayout). Records and lambdas work: JOL gets the engine agent's Instrumentation.
 */
@Command(
        name = "sizeof",
        description = "Deep size of the object graph an expression returns (JOL): total, objects, bytes per class.",
        footer = {
            "",
            "Sizes are this engine JVM's: compressed oops and class pointers (compact headers on JDK 24+) change them. The expression is evaluated once; its value is not kept."
        })
final class SizeofMagic extends CodeMagic {
    private static final Map<String, Integer> PRIMITIVE_BYTES =
            Map.of("boolean", 1, "byte", 1, "char", 2, "short", 2, "int", 4, "float", 4, "long", 8, "double", 8);

    @Option(
            names = {"-v", "--verbose"},
            description = "Also the root object's field layout: header, offsets, padding (JOL's ClassLayout).")
    boolean verbose;

    @Mixin
    LabelOption labelOption = new LabelOption();

    /** A declaration, import or statement: no value to measure (an erroneous expression gets javac's message instead). */
    private static boolean declaresOrActs(dev.perfshell.repl.session.Session session, String code) {
        java.util.List<jdk.jshell.Snippet> snippets =
                session.engine().jshell().sourceCodeAnalysis().sourceToSnippets(code.strip());
        if (snippets.size() != 1) return snippets.size() > 1;
        jdk.jshell.Snippet snippet = snippets.get(0);
        return switch (snippet.kind()) {
            case VAR -> snippet.subKind() != jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            case METHOD, TYPE_DECL, IMPORT, STATEMENT -> true;
            default -> false;
        };
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code = requiredCode(
                input, console, "%sizeof needs an expression. Example: %sizeof new java.util.HashMap<>(Map.of(1, 2))");
        if (code == null) return false;
        if (declaresOrActs(context.session(), code)) {
            console.error("%sizeof measures the value of an expression, not a statement or declaration: " + code.strip()
                    + ". Next: declare it first, then %sizeof NAME");
            return false;
        }
        try (HiddenValue value = HiddenValue.declare(context.session(), "perfshell$sizeof", code)) {
            if (!value.ok()) {
                if (!context.session().engine().alive()) return false; // the shell reports the death
                value.errors().forEach(console::error);
                return false;
            }
            if (value.primitive()) {
                console.println(code.strip() + " is a primitive " + value.typeName() + ": "
                        + PRIMITIVE_BYTES.get(value.typeName())
                        + " bytes as a field or array element, no object of its own. %sizeof measures objects.");
                return true;
            }
            Footprint footprint;
            try {
                footprint = value.footprint(verbose);
            } catch (EngineException e) {
                if (context.session().engine().wasStopped()) console.error("Stopped: %sizeof interrupted (Ctrl-C).");
                else if (context.session().engine().alive())
                    console.error("%sizeof failed in the engine: " + e.getMessage());
                return false;
            }
            context.record(origin -> SizeofDetails.record(labelOption.label, code, footprint, origin));
            SizeofRenderer.render(code, footprint).forEach(console::println);
            return true;
        }
    }
}
