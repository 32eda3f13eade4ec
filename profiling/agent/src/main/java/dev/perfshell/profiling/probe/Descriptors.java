package dev.perfshell.profiling.probe;

import java.util.ArrayList;
import java.util.List;

/** JVM method descriptors as Java writes parameter lists: {@code (I[Ljava/lang/String;)V} → {@code int, String[]}. */
public final class Descriptors {
    private Descriptors() {}

    public static String parameters(String descriptor) {
        List<String> types = new ArrayList<>();
        int i = 1; // after '('
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                type = simple(descriptor.substring(i + 1, end));
                i = end + 1;
            } else {
                type = primitive(c);
                i++;
            }
            types.add(type + "[]".repeat(dims));
        }
        return String.join(", ", types);
    }

    /** {@code java/util/Map$Entry} → {@code Map.Entry}; a snippet class {@code REPL/$JShell$7$Box} → {@code Box}. */
    public static String simple(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        if (internalName.startsWith("REPL/$JShell$")) {
            int nested = name.indexOf('$', "$JShell$".length());
            return nested < 0 ? name : name.substring(nested + 1).replace('$', '.');
        }
        return name.replace('$', '.');
    }

    private static String primitive(char c) {
        switch (c) {
            case 'Z':
                return "boolean";
            case 'B':
                return "byte";
            case 'C':
                return "char";
            case 'S':
                return "short";
            case 'I':
                return "int";
            case 'J':
                return "long";
            case 'F':
                return "float";
            case 'D':
                return "double";
            default:
                return String.valueOf(c);
        }
    }
}
