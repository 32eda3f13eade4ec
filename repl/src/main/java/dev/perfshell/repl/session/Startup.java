package dev.perfshell.repl.session;

import java.util.List;

/** What every engine evaluates before the user's first snippet: jshell's default imports and ours. */
public final class Startup {
    /** jshell's DEFAULT startup imports, so code typed in jshell works here unchanged. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import dev.perfshell.timing.runtime.Perf;");

    private Startup() {}
}
