package dev.perfshell.repl.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A remote Maven repository in a folder, laid out as Maven Central is (POM, jar and their SHA-1 files), for
 * {@code file://} resolution in tests: fast, deterministic, no network.
 */
public final class FakeRepository {
    private final Path root;

    public FakeRepository(Path root) {
        this.root = root;
    }

    public String url() {
        return root.toUri().toString();
    }

    /** A dependency line of a POM: {@code G:A:V} with a scope, and whether it is optional. */
    public record Dep(String coordinates, String scope, boolean optional) {
        public static Dep compile(String coordinates) {
            return new Dep(coordinates, "compile", false);
        }
    }

    /** Publishes {@code G:A:V} with an empty jar. */
    public FakeRepository publish(String coordinates, Dep... deps) throws IOException {
        return publish(coordinates, Map.of(), deps);
    }

    /**
     * Publishes {@code G:A:V}: its POM with {@code deps}, and a jar with {@code sources} (class name to Java source)
     * compiled into it.
     */
    public FakeRepository publish(String coordinates, Map<String, String> sources, Dep... deps) throws IOException {
        String[] gav = coordinates.split(":");
        Path folder = root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]);
        Files.createDirectories(folder);
        StringBuilder pom = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                """);
        pom.append("  <groupId>")
                .append(gav[0])
                .append("</groupId>\n  <artifactId>")
                .append(gav[1])
                .append("</artifactId>\n  <version>")
                .append(gav[2])
                .append("</version>\n  <dependencies>\n");
        for (Dep dep : deps) {
            String[] d = dep.coordinates().split(":");
            pom.append("    <dependency><groupId>")
                    .append(d[0])
                    .append("</groupId><artifactId>")
                    .append(d[1])
                    .append("</artifactId><version>")
                    .append(d[2])
                    .append("</version><scope>")
                    .append(dep.scope())
                    .append("</scope><optional>")
                    .append(dep.optional())
                    .append("</optional></dependency>\n");
        }
        pom.append("  </dependencies>\n</project>\n");
        String base = gav[1] + "-" + gav[2];
        write(folder.resolve(base + ".pom"), pom.toString().getBytes(StandardCharsets.UTF_8));
        write(folder.resolve(base + ".jar"), jar(sources, root));
        return this;
    }

    /** Writes the file and its {@code .sha1}, which Maven Resolver checks (a missing checksum fails a strict policy). */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(bytes);
            Files.writeString(
                    file.resolveSibling(file.getFileName() + ".sha1"),
                    HexFormat.of().formatHex(sha1));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A jar of {@code sources}, compiled against every jar published before (so a class can use its dependencies'). */
    private static byte[] jar(Map<String, String> sources, Path root) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            if (sources.isEmpty()) {
                jar.putNextEntry(new JarEntry("META-INF/empty"));
                jar.closeEntry();
            } else {
                Path work = Files.createTempDirectory("fake-repo-src");
                try {
                    Path out = Files.createDirectories(work.resolve("classes"));
                    List<String> published;
                    try (Stream<Path> files = Files.walk(root)) {
                        published = files.map(Path::toString)
                                .filter(f -> f.endsWith(".jar"))
                                .toList();
                    }
                    List<String> args = new java.util.ArrayList<>(List.of(
                            "--release",
                            "17",
                            "-d",
                            out.toString(),
                            "-cp",
                            String.join(java.io.File.pathSeparator, published)));
                    for (Map.Entry<String, String> source : sources.entrySet()) {
                        Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, source.getValue());
                        args.add(file.toString());
                    }
                    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0)
                        throw new AssertionError("javac failed: " + args);
                    try (Stream<Path> classes = Files.walk(out)) {
                        for (Path c : classes.filter(Files::isRegularFile).toList()) {
                            jar.putNextEntry(
                                    new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                            jar.write(Files.readAllBytes(c));
                            jar.closeEntry();
                        }
                    }
                } finally {
                    try (Stream<Path> all = Files.walk(work)) {
                        all.sorted(java.util.Comparator.reverseOrder())
                                .forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        return bytes.toByteArray();
    }
}
