package dev.perfshell.timing.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of {@code %jmh}'s runner JVM. The shell starts it while it is still compiling the
 * benchmark, so the JVM's start and JMH's class loading overlap the compile; it then reads JMH's
 * arguments from standard input, one per line up to an empty line, and hands them to JMH's own
 * {@code org.openjdk.jmh.Main} unchanged. JMH is reached by name: the engine, which also has this
 * jar, never has JMH's runner.
 */
public final class JmhHost {
    private JmhHost() {}

    public static void main(String[] ignored) throws Throwable {
        Class<?> jmhMain = Class.forName("org.openjdk.jmh.Main");
        // Load the runner while the shell compiles; the classes are needed right after the arguments arrive.
        Class.forName("org.openjdk.jmh.runner.Runner");
        Class.forName("org.openjdk.jmh.runner.options.CommandLineOptions");
        List<String> args = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) args.add(line);
        if (args.isEmpty()) return; // the shell gave up (the benchmark did not compile)
        try {
            jmhMain.getMethod("main", String[].class).invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
