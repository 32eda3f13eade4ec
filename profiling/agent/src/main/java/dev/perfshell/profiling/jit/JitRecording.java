package dev.perfshell.profiling.jit;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.perfshell.profiling.jit.JitEvents.AllocationSite;
import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;

/**
 * The engine side of %why: a JFR recording of the compiler's events, armed before the snippet is timed and taken
 * after. {@code jdk.CompilerInlining} fires for every inlining decision of every compilation in the JVM, so the
 * recording runs only between an arm and its take; %timeit without --why never starts it.
 */
public final class JitRecording {
    private static final List<String> LIMITS =
            List.of("FreqInlineSize", "MaxInlineSize", "MaxInlineLevel", "InlineSmallCode");

    private Recording recording;

    /** Starts recording (after closing whatever an earlier arm left open). */
    public void arm() {
        close();
        Recording started = new Recording();
        started.setName("perfshell-why");
        for (String event : JitEventReader.EVENTS) started.enable(event).withThreshold(Duration.ZERO);
        started.setToDisk(true);
        started.start();
        recording = started;
    }

    /**
     * Stops recording and reads what the JIT did to the session's code.
     *
     * @param session   whether a class is the session's
     * @param classBytes a class's bytes by internal name, or {@code null} when unknown
     */
    public JitEvents take(Predicate<RecordedClass> session, Function<String, byte[]> classBytes) throws IOException {
        if (recording == null) throw new IllegalStateException("no JIT recording is armed");
        Path file = Files.createTempFile("perfshell-why", ".jfr");
        try {
            recording.stop();
            recording.dump(file);
            return withBytecode(new JitEventReader(session).read(file), classBytes);
        } finally {
            close();
            Files.deleteIfExists(file);
        }
    }

    private void close() {
        if (recording != null) recording.close();
        recording = null;
    }

    /** The events with the sizes of the callees refused as too big, the allocation sites, and the JVM's limits. */
    static JitEvents withBytecode(JitEvents events, Function<String, byte[]> classBytes) {
        Map<String, Integer> sizes = new HashMap<>();
        Set<MethodRef> reached = new LinkedHashSet<>();
        for (JitEvents.Compilation c : events.compilations()) reached.add(c.method());
        for (Inlining i : events.inlinings()) {
            if (i.succeeded()) reached.add(i.callee());
            else if (i.message() != null && i.message().contains("big")) {
                byte[] bytes = classBytes.apply(internal(i.callee().owner()));
                if (bytes != null)
                    readable(() -> BytecodeFacts.length(
                                    bytes, i.callee().name(), i.callee().descriptor()))
                            .filter(java.util.OptionalInt::isPresent)
                            .ifPresent(size -> sizes.put(i.callee().key(), size.getAsInt()));
            }
        }
        List<AllocationSite> allocations = new ArrayList<>();
        for (MethodRef method : reached) {
            if (!events.isSession(method.owner()) || isHarness(method)) continue;
            byte[] bytes = classBytes.apply(internal(method.owner()));
            if (bytes != null)
                readable(() -> BytecodeFacts.allocations(bytes, method)).ifPresent(allocations::addAll);
        }
        return new JitEvents(
                events.sessionClasses(),
                events.compilations(),
                events.inlinings(),
                events.deoptimizations(),
                events.failures(),
                sizes,
                allocations,
                limits());
    }

    /** perfshell's own methods of the generated timing class: the loop and the setup, not the user's code. */
    static boolean isHarness(MethodRef method) {
        return method.name().startsWith("perfshell$") && !method.name().equals("perfshell$payload");
    }

    /** The generated class's setup: it runs once per fork of the plan, never in the timed loop. */
    static boolean isHarnessSetup(MethodRef method) {
        return method.name().equals("perfshell$setup");
    }

    /**
     * A fact read from a class file, or empty when ASM cannot read it (a class file newer than it knows): the report
     * then goes without that size or site rather than failing.
     */
    private static <T> java.util.Optional<T> readable(java.util.function.Supplier<T> read) {
        try {
            return java.util.Optional.ofNullable(read.get());
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException unreadable) {
            return java.util.Optional.empty();
        }
    }

    private static String internal(String owner) {
        return owner.replace('.', '/');
    }

    private static Map<String, Long> limits() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, Long> limits = new HashMap<>();
        for (String flag : LIMITS) {
            try {
                limits.put(flag, Long.parseLong(hotspot.getVMOption(flag).getValue()));
            } catch (IllegalArgumentException unknown) { // not a flag of this JVM: the report names no limit
            }
        }
        return limits;
    }

    /** A class's bytes read through its loader's resources (the JDK's and the session's jars'), or {@code null}. */
    public static byte[] resourceBytes(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }
}
