package dev.perfshell.repl.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An engine's JVM arguments with the values that change from run to run of the same build removed, so
 * that only real differences (a flag added, another heap size) make {@code compare} warn:
 * <ul>
 *   <li>the JDWP control channel's {@code address=} (a free port chosen at each start);</li>
 *   <li>{@code -Dname=value} where the name ends in {@code port}, {@code pid}, {@code token}, {@code secret} or
 *       {@code nonce} (the engine is told its shell's pid, {@code -Dperfshell.shell.pid=24328}: a different
 *       number in every run), dropped whole: how the engine finds its shell changes no result, so a file
 *       written by a perfshell that passed none compares clean too;</li>
 *   <li>the start-up class-data archive ({@code -XX:SharedArchiveFile=}, {@code -Xshare:}, {@code -Xlog:cds…}):
 *       the launcher adds it when it could train one, and it changes no compiled code;</li>
 *   <li>where {@code -javaagent:} jars live (the checkout's folder), keeping the jar's name;</li>
 *   <li>paths in temporary folders, which get fresh names each run.</li>
 * </ul>
 */
final class JvmArguments {
    private static final Pattern JDWP_ADDRESS = Pattern.compile("(?<=[=,])address=[^,]*,?");
    private static final Pattern PER_RUN_PROPERTY =
            Pattern.compile("-D[^=]*(port|pid|token|secret|nonce)=.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVA_AGENT = Pattern.compile("-javaagent:(?:[^=]*[/\\\\])?([^/\\\\=]+)(=.*)?");
    private static final Pattern TEMP_PATH = Pattern.compile(
            "(?:/tmp|/var/tmp|/var/folders|/private/var/folders|[A-Za-z]:\\\\[^\\s,;=]*\\\\Temp)[/\\\\][^\\s,;:=]*");

    private JvmArguments() {}

    static List<String> normalise(List<String> arguments) {
        List<String> kept = new ArrayList<>();
        for (String argument : arguments) {
            if (startupArchive(argument) || PER_RUN_PROPERTY.matcher(argument).matches()) continue;
            kept.add(normalise(argument));
        }
        return kept;
    }

    static String normalise(String argument) {
        if (argument.startsWith("-agentlib:jdwp=") || argument.startsWith("-Xrunjdwp:")) {
            String cleaned = JDWP_ADDRESS.matcher(argument).replaceAll("");
            return cleaned.endsWith(",") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
        }
        var agent = JAVA_AGENT.matcher(argument);
        if (agent.matches()) argument = "-javaagent:" + agent.group(1) + (agent.group(2) == null ? "" : agent.group(2));
        return TEMP_PATH.matcher(argument).replaceAll("<tmp>");
    }

    private static boolean startupArchive(String argument) {
        return argument.startsWith("-XX:SharedArchiveFile=")
                || argument.startsWith("-Xshare:")
                || argument.startsWith("-Xlog:cds")
                || argument.startsWith("-XX:ArchiveClassesAtExit=");
    }
}
