package dev.perfshell.repl.jmh;

import dev.perfshell.repl.io.ClassJars;
import java.util.List;

/**
 * Where JMH's jars are, as the shell's own class path has them (lib/ of an installed shell, the
 * local Maven repository in tests). The shell never loads JMH's runner or processor itself: the
 * compiler gets the processor on a path of its own and the benchmark runs in a child JVM.
 *
 * @param runner    what the child JVM runs on: jmh-core and its jopt-simple and Commons Math
 * @param processor the annotation processor's path: jmh-generator-annprocess and jmh-core
 * @param runtime   perfshell's runtime (for {@code Perf} and friends, which sessions import)
 */
public record JmhJars(List<String> runner, List<String> processor, String runtime) {

    public static JmhJars locate() {
        String core = where("org.openjdk.jmh.Main");
        String jopt = where("joptsimple.OptionParser");
        String math = where("org.apache.commons.math3.stat.descriptive.DescriptiveStatistics");
        String generator = where("org.openjdk.jmh.generators.BenchmarkProcessor");
        return new JmhJars(
                List.of(core, jopt, math), List.of(generator, core), where("dev.perfshell.timing.runtime.Perf"));
    }

    /**
     * What the benchmark is compiled against and its runner JVM runs on (after the compiled classes): JMH's runner,
     * perfshell's runtime, then the user's class path.
     */
    public List<String> benchmarkClassPath(List<String> userClassPath) {
        List<String> classPath = new java.util.ArrayList<>(runner);
        classPath.add(runtime);
        classPath.addAll(userClassPath);
        return classPath;
    }

    private static String where(String className) {
        return ClassJars.of(className, JmhJars.class.getClassLoader(), "JMH");
    }
}
