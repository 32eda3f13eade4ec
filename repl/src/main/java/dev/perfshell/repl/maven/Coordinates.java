package dev.perfshell.repl.maven;

import java.util.regex.Pattern;

/**
 * A Maven artifact named as {@code GROUP:ARTIFACT:VERSION}, or with Aether's optional parts
 * {@code GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION}. Plain JDK types only: parsing never loads the resolver.
 *
 * @param extension  {@code jar} unless named
 * @param classifier empty unless named
 */
public record Coordinates(String groupId, String artifactId, String extension, String classifier, String version) {
    /** What Maven accepts in group and artifact ids (its model validator's pattern). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");
    /** A version without range syntax ({@code [1.0,2.0)}) or Maven's meta-versions. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.\\-+]+");

    private static final String EXAMPLE = "com.google.code.gson:gson:2.11.0";

    /** Why a text is not a coordinate: one line naming it, with an example. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    public static Coordinates parse(String text) throws Malformed {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                throw new Malformed(
                        "'" + text + "' names no version: expected GROUP:ARTIFACT:VERSION. Example: " + EXAMPLE);
            }
            throw new Malformed(
                    "'" + text + "' is not a Maven coordinate: expected GROUP:ARTIFACT:VERSION. Example: " + EXAMPLE);
        }
        String group = parts[0];
        String artifact = parts[1];
        String version = parts[parts.length - 1];
        String extension = parts.length >= 4 ? parts[2] : "jar";
        String classifier = parts.length == 5 ? parts[3] : "";
        for (String[] named : new String[][] {{"group", group}, {"artifact", artifact}, {"extension", extension}}) {
            if (!ID.matcher(named[1]).matches()) {
                throw new Malformed("'" + text + "': "
                        + (named[1].isEmpty()
                                ? "empty " + named[0] + " id"
                                : "bad " + named[0] + " id '" + named[1] + "' (letters, digits, '.', '-', '_')")
                        + ". Example: " + EXAMPLE);
            }
        }
        if (!classifier.isEmpty() && !ID.matcher(classifier).matches()) {
            throw new Malformed("'" + text + "': bad classifier '" + classifier + "'. Example: " + EXAMPLE);
        }
        if (version.isEmpty()) {
            throw new Malformed(
                    "'" + text + "' names no version: expected GROUP:ARTIFACT:VERSION. Example: " + EXAMPLE);
        }
        // Ranges and LATEST/RELEASE would make a session (and its replay, and a saved script) depend on the day
        // it ran: a benchmark names the exact version it measured.
        if (!VERSION.matcher(version).matches() || version.equals("LATEST") || version.equals("RELEASE")) {
            throw new Malformed(
                    "'" + text + "': '" + version + "' is not one version (ranges, LATEST and RELEASE are not taken)"
                            + ". Next: name the exact version, e.g. " + EXAMPLE);
        }
        return new Coordinates(group, artifact, extension, classifier, version);
    }

    /** {@code group:artifact}, what two versions of one library share. */
    public String key() {
        return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** As the user would type it: {@code G:A:V}, with the extension and classifier only when they are not the default. */
    @Override
    public String toString() {
        if (classifier.isEmpty() && extension.equals("jar")) return groupId + ":" + artifactId + ":" + version;
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":"
                + version;
    }
}
