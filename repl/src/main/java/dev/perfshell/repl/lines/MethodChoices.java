package dev.perfshell.repl.lines;

import dev.perfshell.profiling.probe.LineProfiler.Choice;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;

/**
 * Turns %lprun's {@code -f} and {@code -c} arguments into the engine's choices (class binary name, method
 * name, parameter list): {@code fib} (every session method of that name), {@code fib(int, String)} (one
 * overload), {@code Box::twice} (a session class's method), {@code com.acme.Work::twice} (a class of a
 * %classpath jar); {@code -c Box} or {@code -c com.acme.Work} for every method of a class.
 */
public final class MethodChoices {
    private final JShell jshell;

    public MethodChoices(JShell jshell) {
        this.jshell = jshell;
    }

    /**
     * @throws IllegalArgumentException naming the argument that matches nothing, with a next step
     */
    public List<Choice> method(String spec) {
        String text = spec.strip();
        int colons = text.indexOf("::");
        if (colons >= 0) {
            String type = text.substring(0, colons);
            MethodName method = MethodName.parse(text.substring(colons + 2), spec);
            return List.of(new Choice(classBinaryName(type), method.name, method.parameters));
        }
        MethodName method = MethodName.parse(text, spec);
        List<Choice> found = new ArrayList<>();
        for (MethodSnippet snippet : activeMethods()) {
            if (!snippet.name().equals(method.name)) continue;
            String parameters = MethodName.normalise(snippet.parameterTypes());
            if (method.parameters != null && !method.parameters.equals(parameters)) continue;
            found.add(new Choice(wrapper(snippet), snippet.name(), parameters));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "no method " + spec + " in the session. Next: declare it, or name a class's "
                            + "method as Class::method (%who lists the session)");
        }
        return found;
    }

    /** Every method of a class: a session class by its name, or a jar's class by its binary name. */
    public Choice wholeClass(String type) {
        return new Choice(classBinaryName(type), null, null);
    }

    private String classBinaryName(String type) {
        for (Snippet snippet : (Iterable<Snippet>) jshell.snippets()::iterator) {
            if (snippet instanceof TypeDeclSnippet decl
                    && decl.name().equals(type)
                    && jshell.status(snippet).isActive()) {
                return wrapper(snippet) + "$" + type;
            }
        }
        if (!type.contains(".")) {
            throw new IllegalArgumentException("no class " + type
                    + " in the session. Next: declare it, or give a jar class's " + "full name (com.acme.Work)");
        }
        return type; // a class of a %classpath jar: the engine finds it, or reports nothing woven
    }

    private List<MethodSnippet> activeMethods() {
        List<MethodSnippet> methods = new ArrayList<>();
        jshell.methods().forEach(m -> {
            if (jshell.status(m).isActive()) methods.add(m);
        });
        return methods;
    }

    private String wrapper(Snippet snippet) {
        return jshell.sourceCodeAnalysis().wrapper(snippet).fullClassName();
    }

    /** {@code name} or {@code name(type, …)}, parameters as simple erased names ({@code List, int[]}). */
    private record MethodName(String name, String parameters) {
        static MethodName parse(String text, String spec) {
            int open = text.indexOf('(');
            if (open < 0) return new MethodName(text.strip(), null);
            if (!text.endsWith(")"))
                throw new IllegalArgumentException(
                        "unbalanced parentheses in -f " + spec + ". Next: -f name(int, String)");
            return new MethodName(
                    text.substring(0, open).strip(), normalise(text.substring(open + 1, text.length() - 1)));
        }

        /** {@code java.util.List<String>, int[]} → {@code List, int[]}: the form of the engine's descriptors. */
        static String normalise(String parameters) {
            String erased = parameters.replaceAll("<[^<>]*>", "");
            while (!erased.equals(erased = erased.replaceAll("<[^<>]*>", ""))) {
                // nested generics: strip until none are left
            }
            List<String> names = new ArrayList<>();
            for (String p : erased.split(",")) {
                String t = p.strip();
                if (t.isEmpty()) continue;
                t = t.replace("...", "[]");
                int space = t.lastIndexOf(' ');
                if (space > 0 && !t.endsWith("]")) t = t.substring(0, space).strip(); // "int n" → "int"
                String dims = t.contains("[") ? t.substring(t.indexOf('[')).replace(" ", "") : "";
                String base = t.contains("[") ? t.substring(0, t.indexOf('[')).strip() : t;
                names.add(base.substring(base.lastIndexOf('.') + 1) + dims);
            }
            return String.join(", ", names);
        }
    }
}
