package dev.perfshell.repl.jmh;

/**
 * JShell's {@code VarSnippet.typeName()} as a type a field declaration can name, or {@code null}
 * when there is none: an anonymous class ({@code <anonymous class extending Object>}) or an
 * intersection ({@code Serializable&Comparable<...>}) has no name in Java.
 * Capture variables, which JShell mostly projects already, become wildcards.
 */
final class DenotableTypes {
    private DenotableTypes() {}

    static String project(String typeName) {
        if (typeName == null || typeName.isBlank()) return null;
        if (typeName.contains("<anonymous") || typeName.contains("&") || typeName.contains("<any>")) return null;
        return typeName.replaceAll("capture#\\d+ of \\?", "?");
    }
}
