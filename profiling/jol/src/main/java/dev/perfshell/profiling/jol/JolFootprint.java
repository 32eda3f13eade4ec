package dev.perfshell.profiling.jol;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.Multiset;

/**
 * Deep footprint of an object graph with JOL: totals, a per-class table, and optionally the root's
 * field layout. The engine loads this class and jol-core in a class loader of their own and calls
 * it as a {@code Function}; arguments and results are JDK types only.
 *
 * <p>On JDK 17 JOL cannot read the field offsets of records and lambdas without Instrumentation
 * and its own ways to get one (self-attach) print warnings. So the engine's agent
 * hands its Instrumentation over, and {@code jol.magicFieldOffset} lets ClassLayout read records.
 */
public final class JolFootprint implements Function<Object[], Object> {

    /** @param instrumentation the engine agent's, or {@code null} (then records and lambdas may fail) */
    public JolFootprint(Instrumentation instrumentation) throws ReflectiveOperationException {
        if (System.getProperty("jol.magicFieldOffset") == null) System.setProperty("jol.magicFieldOffset", "true");
        // The Serviceability Agent only refines addresses, which footprints do not need; trying it forks
        // attach attempts and prints a warning.
        if (System.getProperty("jol.skipHotspotSAAttach") == null)
            System.setProperty("jol.skipHotspotSAAttach", "true");
        if (instrumentation != null) {
            // JOL's installer class is public but nested in a package-private class: set its field by reflection.
            Class<?> installer = Class.forName("org.openjdk.jol.vm.InstrumentationSupport$Installer");
            java.lang.reflect.Field field = installer.getField("INSTRUMENTATION");
            field.setAccessible(true);
            if (field.get(null) == null) field.set(null, instrumentation);
        }
        initQuietly();
    }

    /**
     * JOL prints "# WARNING" lines to System.out while it sets itself up (the skipped Serviceability
     * Agent among them), and the engine's System.out is the user's output: keep them out of it.
     */
    private static void initQuietly() {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            org.openjdk.jol.vm.VM.current();
        } finally {
            System.setOut(out);
        }
    }

    /**
     * @param arguments the root object, and a Boolean: whether to add the root's field layout
     * @return the {@link Footprint}'s wire form (JDK types: the engine holds no class of this loader)
     */
    @Override
    public Object apply(Object[] arguments) {
        Object root = arguments[0];
        boolean layout = Boolean.TRUE.equals(arguments[1]);
        GraphLayout graph = GraphLayout.parseInstance(root);
        return new Footprint(
                        root.getClass().getTypeName(),
                        graph.totalSize(),
                        graph.totalCount(),
                        classes(graph),
                        // parseClass, not parseInstance: JOL looks an instance's class up by name in its own loader,
                        // which cannot see the session's classes. The layout is the class's; values are not needed.
                        layout ? ClassLayout.parseClass(root.getClass()).toPrintable() : null)
                .toWire();
    }

    private static List<Footprint.Row> classes(GraphLayout graph) {
        Multiset<Class<?>> sizes = graph.getClassSizes();
        Multiset<Class<?>> counts = graph.getClassCounts();
        List<Class<?>> order = new ArrayList<>(graph.getClasses());
        order.sort(Comparator.comparingLong((Class<?> c) -> sizes.count(c))
                .reversed()
                .thenComparing(Class::getName));
        List<Footprint.Row> rows = new ArrayList<>();
        for (Class<?> type : order) {
            // java.lang.Object[], not [Ljava.lang.Object;
            rows.add(new Footprint.Row(type.getTypeName(), counts.count(type), sizes.count(type)));
        }
        return rows;
    }
}
