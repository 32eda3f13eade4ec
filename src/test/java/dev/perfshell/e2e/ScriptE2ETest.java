package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless use through the real launcher: {@code run FILE.jsh}, piped stdin, options, exit codes. */
class ScriptE2ETest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void scriptWithSnippetsAndMagicsRunsToTheEnd() throws Exception {
        Result r = Perfshell.runScript(home, work, "magics.jsh", """
                int x = 21;
                x * 2
                %time Thread.sleep(20)
                %%time
                int s = 0;
                for (int i = 0; i < 1000; i++) s += i;
                s

                %env
                /vars
                String last = "end of " + "script";
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(out)
                .as(r.toString())
                .contains("x ==> 21")
                .contains("$1 ==> 42")
                .contains("s ==> 499500")
                .contains("last ==> \"end of script\"");
        // %time and %%time: IPython's two lines.
        assertThat(out.split("CPU times: user ", -1)).as(r.toString()).hasSize(3);
        assertThat(out.split("Wall time: ", -1)).as(r.toString()).hasSize(3);
        // %env names the engine JVM and its pid; /vars lists the variables with their types.
        assertThat(out)
                .as(r.toString())
                .containsPattern("Engine JVM .*pid \\d+")
                .contains("Java home");
        assertThat(out).as(r.toString()).contains("int x = 21").contains("int s = 499500");
        // No prompts in a script's output.
        assertThat(out).as(r.toString()).doesNotContain("perf> ").doesNotContain("...>");
    }

    @Test
    void pipedStdinBehavesLikeAScript() throws Exception {
        Result r = Perfshell.run(home, "int a = 40;\na + 2\nSystem.out.println(\"printed \" + (a * 2));\n");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .contains("a ==> 40", "$1 ==> 42", "printed 80")
                .doesNotContain("perf> ");
    }

    @Test
    void aFailingLineStopsTheScriptWithFileLineAndExitCode1() throws Exception {
        Result r = Perfshell.runScript(home, work, "fails.jsh", """
                int a = 1;
                int b = undefinedVariable;
                int c = 3;
                """);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.all())
                .as(r.toString())
                .contains("a ==> 1")
                .contains("cannot find symbol")
                .containsPattern("fails\\.jsh:2: ")
                .doesNotContain("c ==> 3");
    }

    @Test
    void aThrowingSnippetIsAFailingLineToo() throws Exception {
        Result r = Perfshell.runScript(home, work, "throws.jsh", """
                int a = 1;

                void boom() {
                    throw new IllegalStateException("boom");
                }
                boom();
                a + 1
                """);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.all())
                .as(r.toString())
                .contains("created method boom()")
                .contains("IllegalStateException: boom")
                .containsPattern("throws\\.jsh:6: ")
                .doesNotContain("==> 2");
    }

    @Test
    void pipedStdinReportsTheFailingLineAsStdin() throws Exception {
        Result r = Perfshell.run(home, "int a = 1;\nint b = nope;\na + 1\n");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.all()).as(r.toString()).contains("<stdin>:2: ").doesNotContain("==> 2");
    }

    @Test
    void keepGoingRunsEveryLineAndStillExits1() throws Exception {
        Result r = Perfshell.runScript(home, work, "keep.jsh", """
                int a = 1;
                int b = undefinedVariable;
                int c = 3;
                %time undefinedToo
                %nosuchmagic 1
                throw new RuntimeException("boom");
                a + c
                """, "--keep-going");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.all())
                .as(r.toString())
                .containsPattern("keep\\.jsh:2: ")
                .containsPattern("keep\\.jsh:4: ")
                .containsPattern("keep\\.jsh:5: ")
                .containsPattern("keep\\.jsh:6: ")
                .contains("c ==> 3")
                .contains("Unknown magic %nosuchmagic")
                .contains("RuntimeException: boom")
                .contains("==> 4");
    }

    @Test
    void keepGoingWithNoFailureExits0() throws Exception {
        Result r = Perfshell.runScript(home, work, "ok.jsh", "int a = 1;\na + 1\n", "--keep-going");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("$1 ==> 2");
    }

    @Test
    void runOfAMissingFileIsAUsageError() throws Exception {
        Result r = Perfshell.run(
                home, null, "run", work.resolve("no-such-script.jsh").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).as(r.toString()).contains("no-such-script.jsh");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Result r = Perfshell.run(home, null, "--no-such-option");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).as(r.toString()).contains("--no-such-option");
        assertThat(r.stdout()).as(r.toString()).isEmpty();

        Result sub = Perfshell.run(home, null, "run", "--no-such-option", "x.jsh");
        assertThat(sub.exitCode()).as(sub.toString()).isEqualTo(2);
        assertThat(sub.stderr()).as(sub.toString()).contains("--no-such-option");
    }

    @Test
    void runWithoutAFileIsAUsageError() throws Exception {
        Result r = Perfshell.run(home, null, "run");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).as(r.toString()).contains("FILE.jsh");
    }

    @Test
    void versionPrintsTheVersionAndExits0() throws Exception {
        Result r = Perfshell.run(home, null, "--version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().strip()).as(r.toString()).matches("perfshell \\d+\\.\\d+\\.\\d+\\S*.*");
        Result shortForm = Perfshell.run(home, null, "-V");
        assertThat(shortForm.stdout()).isEqualTo(r.stdout());
    }

    @Test
    void helpPrintsUsageAndExits0() throws Exception {
        Result r = Perfshell.run(home, null, "--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .contains("Usage: perfshell")
                .contains("--class-path")
                .contains("--engine-jdk")
                .contains("-R")
                .contains("run");
        Result run = Perfshell.run(home, null, "run", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .as(run.toString())
                .contains("Usage: perfshell run")
                .contains("--keep-going");
    }

    @Test
    void classPathJarIsVisibleToSnippetsButTheShellsLibrariesAreNot() throws Exception {
        Path jar = buildGreeterJar(work);
        Result r = Perfshell.runScript(home, work, "cp.jsh", """
                demo.Greeter.hi("e2e")
                Class<?> jline = org.jline.reader.LineReader.class;
                Class<?> cli = picocli.CommandLine.class;
                demo.Greeter.hi("still here")
                """, "--keep-going", "--class-path", jar.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).as(r.toString()).contains("$1 ==> \"hi e2e\"").contains("\"hi still here\"");
        assertCompileError(r.stdout(), "org.jline.reader.LineReader.class");
        assertCompileError(r.stdout(), "picocli.CommandLine.class");
        assertThat(r.stdout()).as(r.toString()).doesNotContain("NoClassDefFoundError");
    }

    @Test
    void classpathMagicAddsAJarAtRunTime() throws Exception {
        Path jar = buildGreeterJar(work);
        Result r = Perfshell.run(home, "%classpath add " + jar + "\ndemo.Greeter.hi(\"later\")\n");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("\"hi later\"");
    }

    /** The snippet that mentions {@code code} failed to compile (not at run time). */
    static void assertCompileError(String output, String code) {
        int at = output.indexOf(code);
        assertThat(at)
                .as("the snippet with %s is echoed in an error in:%n%s", code, output)
                .isPositive();
        String before = output.substring(Math.max(0, output.lastIndexOf("error:", at)), at);
        assertThat(before)
                .as("compile error for %s in:%n%s", code, output)
                .startsWith("error:")
                .containsAnyOf("does not exist", "cannot find symbol");
    }

    /** A tiny library: demo.Greeter.hi(String), compiled with javax.tools and jarred with java.util.jar. */
    static Path buildGreeterJar(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("greeter-src/demo"));
        Path classes = Files.createDirectories(dir.resolve("greeter-classes"));
        Path java = src.resolve("Greeter.java");
        Files.writeString(java, """
                package demo;
                public final class Greeter {
                    public static String hi(String name) { return "hi " + name; }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), java.toString());
        assertThat(rc).as("javac of the test library").isZero();
        Path jar = dir.resolve("greeter.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String entry : List.of("demo/", "demo/Greeter.class")) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        return jar;
    }
}
