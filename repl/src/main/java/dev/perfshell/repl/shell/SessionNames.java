package dev.perfshell.repl.shell;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import dev.perfshell.repl.timeit.ParseOnlyJavac;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.TypeDeclSnippet;

/**
 * The names %lprun's {@code -f} and {@code -c} take from the session (as {@link dev.perfshell.repl.lines.MethodChoices} reads them): its
 * active methods, its classes, and the methods a session class declares ({@code Box::twice}).
 */
final class SessionNames {
    private final JShell jshell;

    SessionNames(JShell jshell) {
        this.jshell = jshell;
    }

    /** Active session methods, each name once (overloads share one). */
    List<String> methods() {
        Set<String> names = new LinkedHashSet<>();
        jshell.methods().filter(m -> jshell.status(m).isActive()).forEach(m -> names.add(m.name()));
        return List.copyOf(names);
    }

    /** Active session classes, interfaces, enums and records. */
    List<String> classes() {
        return activeTypes().stream().map(TypeDeclSnippet::name).distinct().toList();
    }

    /**
     * The methods the session class {@code type} declares, read from its source: JShell's own completion
     * offers no instance methods after {@code Box::}, and inherited ones are not woven by {@code -f Box::m}.
     */
    List<String> methodsOf(String type) {
        Set<String> names = new LinkedHashSet<>();
        for (TypeDeclSnippet snippet : activeTypes()) {
            if (snippet.name().equals(type)) names.addAll(declaredMethods(snippet.source()));
        }
        return List.copyOf(names);
    }

    private List<TypeDeclSnippet> activeTypes() {
        List<TypeDeclSnippet> types = new ArrayList<>();
        jshell.types().filter(t -> jshell.status(t).isActive()).forEach(types::add);
        return types;
    }

    private static List<String> declaredMethods(String source) {
        List<String> names = new ArrayList<>();
        try {
            for (Tree type : ParseOnlyJavac.task("PerfshellNames", source, d -> {})
                    .parse()
                    .iterator()
                    .next()
                    .getTypeDecls()) {
                if (!(type instanceof ClassTree declaration)) continue;
                for (Tree member : declaration.getMembers()) {
                    if (member instanceof MethodTree method && !method.getName().contentEquals("<init>")) {
                        names.add(method.getName().toString());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a source javac cannot parse offers no names; completion must never fail the prompt
        }
        return names;
    }
}
