package dev.perfshell.repl.jmh;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Next:" of a replayed session that does not compile. Under {@code --no-session} the usual advice (try
 * {@code --no-session}) is the flag already in use; what fails there is a method reading a session variable the
 * flag left out, so the hint names it and shows the setup that declares it.
 */
public final class ReplayHint {
    /** javac's second line of "cannot find symbol": {@code symbol:   variable cache}. */
    private static final Pattern MISSING_VARIABLE = Pattern.compile("symbol:\\s+variable\\s+([\\w$]+)");

    private ReplayHint() {}

    /**
     * @param messages the compile errors' messages, javac's whole text each
     * @param dropped  the session's variables that {@code --no-session} left out; empty without the flag
     * @param noSession whether {@code --no-session} was given
     */
    public static String of(List<String> messages, List<SessionPart> dropped, boolean noSession) {
        if (!noSession)
            return "Next: %jmh --print-source shows the generated class; --no-session replays declarations only.";
        Set<String> missing = new LinkedHashSet<>();
        for (String message : messages) {
            Matcher m = MISSING_VARIABLE.matcher(message);
            while (m.find()) missing.add(m.group(1));
        }
        List<SessionPart> needed = dropped.stream()
                .filter(part -> part.kind() == SessionPart.Kind.VARIABLE && missing.contains(part.name()))
                .toList();
        if (needed.isEmpty()) return "Next: %jmh --print-source shows the generated class.";
        String names = String.join(
                ", ", needed.stream().map(part -> "'" + part.name() + "'").toList());
        SessionPart first = needed.get(0);
        String example =
                first.type() + " " + first.name() + (first.source() == null ? "" : " = " + first.source()) + ";";
        return (needed.size() == 1
                        ? "The session's methods read the session variable "
                        : "The session's methods read the session variables ")
                + names + ", which --no-session leaves out. Next: declare " + (needed.size() == 1 ? "it" : "them")
                + " in the setup, e.g. --setup \"" + example + "\", or drop --no-session.";
    }
}
