package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %prun --include} profiles classes of a jar added with {@code %classpath add}, with their source file and line. */
class PrunIncludeTest {

    @Test
    void aUserJarClassIsProfiledWhenIncluded(@TempDir Path dir) throws Exception {
        Path jar = userJar(dir);
        String script = String.join(
                "\n",
                "%classpath add " + jar,
                "%prun -q -r without com.acme.Work.twice(10)",
                "long boundaryOnly = without.calls(\"com.acme.Work.twice(int)\");",
                "long innerWithout = without.calls(\"com.acme.Work.once(int)\");",
                "%prun -q -r with --include com.acme.* com.acme.Work.twice(10)",
                "long profiled = with.calls(\"com.acme.Work.twice(int)\");",
                "long inner = with.calls(\"com.acme.Work.once(int)\");",
                "%prun -l Work --include com.acme.* com.acme.Work.twice(3)",
                "");
        ScriptRun run = ScriptRun.file(dir, script, List.of());
        assertThat(run.exitCode).as(run.toString()).isZero();
        // without --include the call into the jar is a boundary row, and what it calls is not seen
        assertThat(run.lines())
                .as(run.toString())
                .contains("boundaryOnly ==> 1", "innerWithout ==> 0", "profiled ==> 1", "inner ==> 2");
        // a class method's line is the first line of its body, as the class file records it
        assertThat(run.lines()).as(run.toString()).anyMatch(line -> line.matches(".* Work\\.java:5\\(twice\\)$"));
        assertThat(run.lines()).as(run.toString()).anyMatch(line -> line.matches(".* Work\\.java:3\\(once\\)$"));
    }

    /** A jar with com.acme.Work, compiled now (javac of the test JVM). */
    private static Path userJar(Path dir) throws Exception {
        Path src = dir.resolve("src/com/acme/Work.java");
        Files.createDirectories(src.getParent());
        Files.writeString(
                src,
                String.join(
                        "\n",
                        "package com.acme;",
                        "public final class Work {",
                        "    public static int once(int x) { return x + 1; }",
                        "    public static int twice(int x) {",
                        "        return once(once(x));",
                        "    }",
                        "}",
                        ""));
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("acme.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("com/acme/Work.class"));
            out.write(Files.readAllBytes(classes.resolve("com/acme/Work.class")));
            out.closeEntry();
        }
        return jar;
    }
}
