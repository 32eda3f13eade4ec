package dev.perfshell.repl.link;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What the shell deserialises from the engine: an allow-list of the JDK types the protocol uses, every other
 * class refused before it is instantiated. JShell's stream carries strings and a user exception's
 * {@code StackTraceElement[]}; our extension commands reply with maps, lists, boxed numbers and primitive arrays
 * (docs/architecture.md, 'Safety'). A class not named here is rejected even inside the JDK (a deserialisation
 * gadget needs some class with a dangerous {@code readObject}, and none of these has one); a new reply type
 * must be added here, or the command fails with "filter status: REJECTED".
 */
final class ReplyFilter implements ObjectInputFilter {
    static final Set<String> ALLOWED = Set.of(
            // Object[] inside the serial form of List.of/Map.of/toList() (java.util.CollSer)
            "java.lang.Object",
            "java.lang.String",
            "java.lang.Number",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.StackTraceElement",
            "java.util.ArrayList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            // HashMap and HashSet check the size of their table as a Map.Entry[] before building it
            "java.util.Map$Entry",
            // List.of, Map.of, Set.of and Stream.toList() serialise as this proxy, which resolves to these
            "java.util.CollSer",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN",
            // an extension command's reply, whose writing lets the engine reset the stream after it
            "dev.perfshell.engine.ReplyStream$Envelope");
    /** Generous for a profile's nested maps; a reply deeper than this is not ours. */
    static final long MAX_DEPTH = 20;
    // No limit on FilterInfo.references(): it counts every object the stream has read since it was opened,
    // resets included, so any limit there ends a long session (the soak hit five million after 986 magics).
    /** Elements of one array: %timeit's per-run figures are a few thousand at most. */
    static final long MAX_ARRAY = 50_000_000;

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.arrayLength() > MAX_ARRAY) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) return Status.UNDECIDED; // a limits-only call: the limits above passed
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive()) return Status.ALLOWED; // long[], double[], byte[]
        return ALLOWED.contains(type.getName()) ? Status.ALLOWED : Status.REJECTED;
    }
}
