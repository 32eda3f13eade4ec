package dev.perfshell.repl.maven;

import dev.perfshell.repl.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code %maven} and {@code //DEPS} added to one session, and the resolver they share (made on first use,
 * so a session that never asks for an artifact never loads Maven Resolver).
 */
public final class MavenArtifacts implements AutoCloseable {
    private final List<ArtifactResolver.Resolved> added = new ArrayList<>();
    private ArtifactResolver resolver;
    private MavenConfig resolverConfig;

    /** The jars added so far, in class path order. */
    public List<ArtifactResolver.Resolved> added() {
        return List.copyOf(added);
    }

    /**
     * Resolves {@code requested} with their runtime dependencies, hands every jar not yet added to {@code addJar},
     * and prints what was added.
     *
     * @param who the prefix of an error line: {@code %maven}, or a script's {@code FILE:LINE: //DEPS}
     * @return false after printing one error line
     */
    public boolean add(
            String who,
            List<Coordinates> requested,
            boolean offline,
            MavenConfig config,
            Console console,
            Consumer<Path> addJar) {
        long start = System.nanoTime();
        List<ArtifactResolver.Resolved> jars;
        try {
            jars = resolver(config).resolve(requested, offline);
        } catch (ArtifactResolver.Failure failure) {
            console.error(who + ": " + failure.getMessage());
            return false;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, ArtifactResolver.Resolved> byKey = new LinkedHashMap<>();
        for (ArtifactResolver.Resolved r : added) byKey.put(r.coordinates().key(), r);
        // A class loader cannot drop a jar: with two versions of a library on the class path, some classes would come
        // from one and some from the other. So an artifact asked for in another version than the session has fails,
        // whole; a dependency in another version keeps the earlier one (as Maven's nearest-wins would), with a warning.
        for (Coordinates c : requested) {
            ArtifactResolver.Resolved earlier = byKey.get(c.key());
            if (earlier != null && !earlier.coordinates().version().equals(c.version())) {
                console.error(who + ": " + c + " conflicts with version "
                        + earlier.coordinates().version()
                        + " already on the class path (a jar cannot be removed from a running session). Next: use "
                        + earlier.coordinates().version() + ", or restart perfshell for " + c.version() + ".");
                return false;
            }
        }
        List<ArtifactResolver.Resolved> fresh = new ArrayList<>();
        int already = 0;
        for (ArtifactResolver.Resolved jar : jars) {
            ArtifactResolver.Resolved earlier = byKey.get(jar.coordinates().key());
            if (earlier == null) {
                fresh.add(jar);
                byKey.put(jar.coordinates().key(), jar);
            } else if (earlier.coordinates().version().equals(jar.coordinates().version())) {
                already++;
            } else {
                console.warn(
                        who + ": kept " + earlier.coordinates() + " (added earlier); " + jar.coordinates()
                                + ", a dependency, is not added: two versions of one library on a class path mix their classes.");
            }
        }
        String asked =
                String.join(", ", requested.stream().map(Coordinates::toString).toList());
        if (fresh.isEmpty()) {
            console.println(asked + " and " + (requested.size() == 1 ? "its" : "their")
                    + " dependencies are already on the class path; nothing added.");
            return true;
        }
        for (ArtifactResolver.Resolved jar : fresh) {
            addJar.accept(jar.file());
            added.add(jar);
        }
        console.println(summary(requested, fresh, already, seconds, config));
        int width = fresh.stream()
                .mapToInt(j -> j.coordinates().toString().length())
                .max()
                .orElse(0);
        int fileWidth = fresh.stream()
                .mapToInt(j -> j.file().getFileName().toString().length())
                .max()
                .orElse(0);
        for (ArtifactResolver.Resolved jar : fresh) console.println(line(jar, width, fileWidth));
        console.dim("Local repository: " + config.localRepository());
        return true;
    }

    /** {@code Added 2 jars (1 requested + 1 dependency; 1 downloaded from Maven Central, 280 KiB) in 0.84 s:} */
    static String summary(
            List<Coordinates> requested,
            List<ArtifactResolver.Resolved> fresh,
            int already,
            double seconds,
            MavenConfig config) {
        long requestedKeys = fresh.stream()
                .filter(j -> requested.stream()
                        .anyMatch(c -> c.key().equals(j.coordinates().key())))
                .count();
        long dependencies = fresh.size() - requestedKeys;
        List<ArtifactResolver.Resolved> downloaded =
                fresh.stream().filter(ArtifactResolver.Resolved::downloaded).toList();
        long bytes =
                downloaded.stream().mapToLong(ArtifactResolver.Resolved::bytes).sum();
        StringBuilder s = new StringBuilder("Added ")
                .append(count(fresh.size(), "jar"))
                .append(" (")
                .append(requestedKeys)
                .append(" requested + ")
                .append(count(dependencies, "dependency", "dependencies"));
        if (already > 0) s.append(", ").append(already).append(" already on the class path");
        s.append("; ");
        if (downloaded.isEmpty()) s.append("all from the local repository");
        else
            s.append(downloaded.size())
                    .append(" downloaded from ")
                    .append(config.remoteName())
                    .append(", ")
                    .append(bytes(bytes));
        s.append(") in ").append(String.format(Locale.ROOT, "%.2f s", seconds)).append(':');
        return s.toString();
    }

    /** {@code   com.google.code.gson:gson:2.11.0   gson-2.11.0.jar  280 KiB}, columns padded to the widths given. */
    static String line(ArtifactResolver.Resolved jar, int width, int fileWidth) {
        String name = jar.coordinates().toString();
        String file = jar.file().getFileName().toString();
        String size = bytes(jar.bytes());
        return "  " + name + " ".repeat(Math.max(0, width - name.length())) + "  " + file
                + " ".repeat(Math.max(0, fileWidth - file.length())) + "  " + " ".repeat(Math.max(0, 7 - size.length()))
                + size;
    }

    static String bytes(long bytes) {
        if (bytes < 0) return "?";
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private ArtifactResolver resolver(MavenConfig config) {
        if (resolver == null || !config.equals(resolverConfig)) {
            if (resolver != null) resolver.close();
            resolver = new ArtifactResolver(config);
            resolverConfig = config;
        }
        return resolver;
    }

    @Override
    public void close() {
        if (resolver != null) resolver.close();
        resolver = null;
    }
}
