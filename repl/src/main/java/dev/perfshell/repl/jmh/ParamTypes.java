package dev.perfshell.repl.jmh;

import java.util.List;
import java.util.Set;

/** The field type of a {@code -p} parameter the session does not declare: the narrowest its values all fit. */
final class ParamTypes {
    private static final Set<String> PRIMITIVES =
            Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean", "String", "java.lang.String");

    private ParamTypes() {}

    static String infer(List<String> values) {
        if (values.stream().allMatch(v -> v.matches("-?\\d+"))) {
            boolean fitsInt = values.stream().allMatch(v -> {
                try {
                    Integer.parseInt(v);
                    return true;
                } catch (NumberFormatException tooBig) {
                    return false;
                }
            });
            if (fitsInt) return "int";
            if (values.stream().allMatch(v -> v.length() < 19)) return "long";
        }
        if (values.stream().allMatch(v -> v.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"))) return "double";
        if (values.stream().allMatch(v -> v.equals("true") || v.equals("false"))) return "boolean";
        return "String";
    }

    /**
     * JMH injects primitives, strings and enums. An enum cannot be told from other classes by its
     * name alone, so an unknown name is let through and the compiler has the last word.
     */
    static boolean supported(String type) {
        return PRIMITIVES.contains(type) || !type.contains("<") && !type.contains("[") && !type.startsWith("java.");
    }
}
