package dev.perfshell.repl.command;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.session.InputHistory;
import dev.perfshell.repl.session.Session;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/** The session's listings, shared by the jshell commands and their IPython-flavoured magics. */
public final class SessionListing {
    private SessionListing() {}

    public static void vars(Session session, Console console) {
        JShell jshell = session.engine().jshell();
        List<VarSnippet> vars =
                jshell.variables().filter(v -> jshell.status(v).isActive()).toList();
        if (vars.isEmpty()) console.println("No variables yet. Declare one: int n = 1000;");
        for (VarSnippet v : vars) {
            String value = jshell.status(v) == jdk.jshell.Snippet.Status.VALID
                    ? session.engine().varValue(v)
                    : "(not yet defined)";
            console.println(v.typeName() + " " + v.name() + " = " + value);
        }
    }

    public static void methods(Session session, Console console) {
        JShell jshell = session.engine().jshell();
        List<MethodSnippet> methods =
                jshell.methods().filter(m -> jshell.status(m).isActive()).toList();
        if (methods.isEmpty()) console.println("No methods yet.");
        for (MethodSnippet m : methods) console.println(m.name() + " " + m.signature());
    }

    public static void types(Session session, Console console) {
        JShell jshell = session.engine().jshell();
        List<TypeDeclSnippet> types =
                jshell.types().filter(t -> jshell.status(t).isActive()).toList();
        if (types.isEmpty()) console.println("No types yet.");
        for (TypeDeclSnippet t : types)
            console.println(
                    t.subKind().toString().replace("_SUBKIND", "").toLowerCase(java.util.Locale.ROOT) + " " + t.name());
    }

    public static void imports(Session session, Console console) {
        JShell jshell = session.engine().jshell();
        jshell.imports()
                .filter(i -> jshell.status(i).isActive())
                .forEach(i -> console.println(i.source().strip()));
    }

    /** The active snippets with their ids, as jshell's /list shows them. */
    public static void list(Session session, Console console) {
        var entries = session.log().active();
        if (entries.isEmpty()) console.println("No snippets yet.");
        for (var entry : entries) {
            String[] lines = entry.source().strip().split("\n");
            console.println(String.format("%4s : %s", entry.snippet().id(), lines[0]));
            for (int i = 1; i < lines.length; i++) console.println("       " + lines[i]);
        }
    }

    /**
     * This session's inputs: all, the last N ({@code 5}), or a range ({@code 2-4}), IPython style.
     *
     * @return false when the range is not understood
     */
    public static boolean history(InputHistory history, String range, boolean numbered, Console console) {
        List<String> all = history.all();
        int from = 1;
        int to = all.size();
        if (!range.isEmpty()) {
            try {
                if (range.contains("-")) {
                    String[] ends = range.split("-", 2);
                    from = Integer.parseInt(ends[0].strip());
                    to = Math.min(all.size(), Integer.parseInt(ends[1].strip()));
                } else {
                    from = Math.max(1, all.size() - Integer.parseInt(range) + 1);
                }
            } catch (NumberFormatException e) {
                console.error(
                        "history: '" + range + "' is not a range. Examples: %history 5 (last five), %history 2-4");
                return false;
            }
        }
        for (int i = Math.max(1, from); i <= to; i++) {
            String input = all.get(i - 1);
            console.println(numbered ? String.format("%3d: %s", i, input.replace("\n", "\n     ")) : input);
        }
        return true;
    }
}
