package dev.perfshell.profiling.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * --counts' probes on a class woven for real and run in a loader of its own: exact calls, primitive calls
 * and caller edges, through recursion, exceptions and calls out of profiled code.
 */
class CountingProbesTest {
    /** What gets woven. */
    public static final class Sample {
        public static int fib(int n) {
            return n < 2 ? n : fib(n - 1) + fib(n - 2);
        }

        public static int fails(int n) {
            if (n > 0) return fails(n - 1);
            throw new IllegalStateException("bottom");
        }

        /** Calls fails, which throws through three frames, then leaf: leaf's caller must still be caught(). */
        public static int caught() {
            try {
                fails(3);
            } catch (IllegalStateException expected) {
                // the frames above must be unwound by their own exit probes
            }
            return leaf() + Math.abs(-1);
        }

        public static int leaf() {
            return 1;
        }

        public static int twoCallers() {
            return caught() + leaf();
        }
    }

    private final MethodTable methods = new MethodTable();
    private Recorder recorder;

    @AfterEach
    void stop() {
        if (recorder != null) recorder.stop();
    }

    @Test
    void fibOf20Is21891CallsOnePrimitiveAlongOneEdge() throws Throwable {
        Map<String, MethodProfile.Method> rows = rowsAfter("fib", 20);
        assertThat(rows.get("fib").calls()).isEqualTo(21_891L);
        assertThat(rows.get("fib").primitiveCalls()).isEqualTo(1L);
        assertThat(edges()).containsExactly("fib->fib 21890/0");
    }

    @Test
    void anExceptionThroughProfiledFramesLeavesTheCallerRight() throws Throwable {
        Map<String, MethodProfile.Method> rows = rowsAfter("twoCallers");
        assertThat(rows.get("fails").calls()).isEqualTo(4L);
        assertThat(rows.get("fails").primitiveCalls()).isEqualTo(1L);
        assertThat(rows.get("leaf").calls()).isEqualTo(2L);
        assertThat(rows.get("abs").calls()).as("a call out of profiled code").isEqualTo(1L);
        assertThat(edges())
                .containsExactlyInAnyOrder(
                        "twoCallers->caught 1/1",
                        "twoCallers->leaf 1/1",
                        "caught->fails 1/1",
                        "fails->fails 3/0",
                        "fails-><init> 1/1",
                        "caught->leaf 1/1",
                        "caught->abs 1/1");
    }

    @Test
    void aThrowingStatementStillCountsAndTheNextStartsFromTheTop() throws Throwable {
        Class<?> woven = weave();
        recorder = new Recorder(methods, false, 0, 0);
        recorder.start();
        assertThatThrownBy(() -> call(woven, "fails", 2)).isInstanceOf(IllegalStateException.class);
        call(woven, "leaf");
        recorder.stop();
        Map<String, MethodProfile.Method> rows = rows(recorder.report());
        assertThat(rows.get("fails").calls()).isEqualTo(3L);
        assertThat(rows.get("leaf").primitiveCalls()).isEqualTo(1L);
        // leaf ran at the top, not under fails; <init>: the exception's constructor, a call out of profiled code
        assertThat(edges()).containsExactlyInAnyOrder("fails->fails 2/0", "fails-><init> 1/1");
    }

    private String[] lastEdges = new String[0];

    private List<String> edges() {
        return List.of(lastEdges);
    }

    private Map<String, MethodProfile.Method> rowsAfter(String method, Object... args) throws Throwable {
        Class<?> woven = weave();
        recorder = new Recorder(methods, false, 0, 0);
        recorder.start();
        call(woven, method, args);
        recorder.stop();
        return rows(recorder.report());
    }

    private Map<String, MethodProfile.Method> rows(MethodProfile report) {
        Map<String, MethodProfile.Method> byName = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (MethodProfile.Method row : report.methods()) {
            byName.put(row.name(), row);
            names.put(row.id(), row.name());
        }
        lastEdges = report.edges().stream()
                .map(e -> names.get(e.caller()) + "->" + names.get(e.callee()) + " " + e.calls() + "/"
                        + e.primitiveCalls())
                .toArray(String[]::new);
        return byName;
    }

    private static Object call(Class<?> type, String name, Object... args) throws Throwable {
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name)) continue;
            try {
                return m.invoke(null, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        throw new NoSuchMethodException(name);
    }

    private Class<?> weave() throws Exception {
        String name = Sample.class.getName();
        byte[] original;
        try (InputStream in = Sample.class.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            original = in.readAllBytes();
        }
        String internal = name.replace('.', '/');
        byte[] woven = new ProbeWeaver(methods, internal::equals, true, false, true)
                .weave(original, getClass().getClassLoader());
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String requested, boolean resolve) throws ClassNotFoundException {
                if (!requested.equals(name)) return super.loadClass(requested, resolve);
                synchronized (getClassLoadingLock(requested)) {
                    Class<?> done = findLoadedClass(requested);
                    return done != null ? done : defineClass(requested, woven, 0, woven.length);
                }
            }
        };
        return loader.loadClass(name);
    }
}
