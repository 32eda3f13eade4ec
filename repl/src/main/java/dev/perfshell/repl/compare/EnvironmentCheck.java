package dev.perfshell.repl.compare;

import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One warning per environment fact that differs between two results files: a different JDK, GC, heap,
 * machine or flag can explain a change by itself. Facts a file does not give are not compared.
 */
final class EnvironmentCheck {
    /** A compared fact: its field in the file and its name in a warning. */
    private record Fact(String field, String label) {}

    private static final List<Fact> FACTS = List.of(
            new Fact("javaVersion", "Java version"),
            new Fact("vmName", "VM"),
            new Fact("vmVersion", "VM version"),
            new Fact("gc", "GC"),
            new Fact("maxHeapBytes", "max heap"),
            new Fact("os", "OS"),
            new Fact("cpuModel", "CPU model"),
            new Fact("cpus", "CPUs"));

    private EnvironmentCheck() {}

    static List<String> warnings(ResultsFile base, ResultsFile candidate) {
        List<String> warnings = new ArrayList<>();
        for (Fact fact : FACTS) {
            String before = base.environment().get(fact.field());
            String after = candidate.environment().get(fact.field());
            if (before == null || after == null || before.equals(after)) continue;
            warnings.add(fact.label() + " differs: " + show(fact.field(), before) + " in " + base.name() + ", "
                    + show(fact.field(), after) + " in " + candidate.name());
        }
        if (base.jvmArguments() != null && candidate.jvmArguments() != null) {
            List<String> before = JvmArguments.normalise(base.jvmArguments());
            List<String> after = JvmArguments.normalise(candidate.jvmArguments());
            if (!before.equals(after)) warnings.add(argumentsWarning(before, after, base.name(), candidate.name()));
        }
        return warnings;
    }

    private static String argumentsWarning(List<String> before, List<String> after, String baseName, String newName) {
        List<String> onlyBefore = new ArrayList<>(before);
        after.forEach(onlyBefore::remove);
        List<String> onlyAfter = new ArrayList<>(after);
        before.forEach(onlyAfter::remove);
        if (onlyBefore.isEmpty() && onlyAfter.isEmpty())
            return "engine JVM arguments differ in order between " + baseName + " and " + newName;
        List<String> parts = new ArrayList<>();
        if (!onlyBefore.isEmpty()) parts.add("only " + baseName + " has " + String.join(" ", onlyBefore));
        if (!onlyAfter.isEmpty()) parts.add("only " + newName + " has " + String.join(" ", onlyAfter));
        return "engine JVM arguments differ: " + String.join("; ", parts);
    }

    private static String show(String field, String value) {
        if (field.equals("maxHeapBytes")) {
            try {
                return Units.bytes(Long.parseLong(value));
            } catch (NumberFormatException notANumber) {
                return value;
            }
        }
        return Objects.toString(value);
    }
}
