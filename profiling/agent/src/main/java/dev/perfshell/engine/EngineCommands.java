package dev.perfshell.engine;

import dev.perfshell.profiling.memory.Footprints;
import dev.perfshell.profiling.memory.MemoryMeter;
import dev.perfshell.profiling.probe.LinesArm;
import dev.perfshell.profiling.probe.LinesTake;
import dev.perfshell.profiling.probe.PrunArm;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.timing.runtime.BlackholeCheck;
import dev.perfshell.timing.runtime.BlackholeSelfCheck;
import dev.perfshell.timing.runtime.OnceMeter;
import dev.perfshell.timing.runtime.Timed;
import dev.perfshell.timing.runtime.TimeitReply;
import dev.perfshell.timing.runtime.TimeitRequest;
import dev.perfshell.timing.runtime.TimeitRunner;
import dev.perfshell.timing.runtime.WireForm;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of engine extension commands, in one place. Names are shared with the front end
 * through {@link EngineProtocol}.
 */
final class EngineCommands {
    private final Map<String, EngineCommand> table = new LinkedHashMap<>();
    private final JitWatchPrestart prestart;
    /** See {@link #runEarlyCheck}; guarded by this. */
    private BlackholeCheck earlyCheck;

    /** Runs code that may be user code: stoppable with Ctrl-C, its exceptions reported as the user's. */
    interface UserCode {
        Object run(Code code) throws Exception;
    }

    /** A piece of user code; it may throw anything, as snippets do. */
    interface Code {
        Object call() throws Throwable;
    }

    /** Loads a class the session defined (snippet class loader). */
    interface SessionClasses {
        Class<?> find(String binaryName) throws ClassNotFoundException;
    }

    EngineCommands(
            OnceMeter meter,
            java.util.function.Supplier<MemoryMeter> memory,
            Instrumentation instrumentation,
            UserCode userCode,
            SessionClasses classes) {
        dev.perfshell.timing.runtime.ProfileReset profileReset = instrumentation == null
                ? dev.perfshell.timing.runtime.ProfileReset.unavailable(
                        "the engine runs without its agent: no instrumentation")
                : new dev.perfshell.timing.runtime.ClassProfileReset(
                        instrumentation,
                        type -> dev.perfshell.profiling.probe.SessionClassBytes.isSessionLoader(type.getClassLoader())
                                ? EnginePremain.classBytes()
                                        .original(type.getName().replace('.', '/'))
                                : null);
        TimeitRunner timeit = new TimeitRunner(profileReset);
        dev.perfshell.profiling.flame.Samplers samplers = new dev.perfshell.profiling.flame.Samplers();
        table.put(EngineProtocol.TIMEIT, arg -> {
            TimeitRequest request = WireForm.read(TimeitRequest.class, (Map<?, ?>) arg);
            Timed timed = instantiate(classes.find(request.className()));
            return userCode.run(() ->
                    WireForm.write(timeit.run(timed, request.plan(), request.watchJit(), !request.keepProfiles())));
        });
        table.put(EngineProtocol.TIMEIT_INTERLEAVED, arg -> {
            TimeitRequest.Interleaved request = WireForm.read(TimeitRequest.Interleaved.class, (Map<?, ?>) arg);
            java.util.List<Timed> snippets = new ArrayList<>();
            for (String name : request.classNames()) snippets.add(instantiate(classes.find(name)));
            return userCode.run(() -> {
                ArrayList<HashMap<String, Object>> replies = new ArrayList<>();
                for (TimeitReply reply : timeit.interleaved(snippets, request.plan(), !request.keepProfiles()))
                    replies.add(WireForm.write(reply));
                return replies;
            });
        });
        table.put(EngineProtocol.BLACKHOLE_CHECK, arg -> {
            BlackholeCheck early = takeEarlyCheck();
            return early != null
                    ? WireForm.write(early)
                    : userCode.run(() -> WireForm.write(BlackholeSelfCheck.run(timeit)));
        });
        table.put(EngineProtocol.PING, arg -> "pong");
        table.put(EngineProtocol.INFO, arg -> WireForm.write(info(instrumentation)));
        table.put(EngineProtocol.TIME_ARM, arg -> {
            meter.arm();
            return Boolean.TRUE;
        });
        table.put(EngineProtocol.TIME_TAKE, arg -> WireForm.write(meter.take()));
        table.put(EngineProtocol.MEMIT_ARM, arg -> {
            memory.get().arm(Boolean.TRUE.equals(arg));
            return Boolean.TRUE;
        });
        table.put(EngineProtocol.MEMIT_TAKE, arg -> WireForm.write(memory.get().take()));
        table.put(EngineProtocol.MEMIT_CANCEL, arg -> {
            memory.get().cancel();
            return Boolean.TRUE;
        });
        Footprints footprints = new Footprints(instrumentation);
        dev.perfshell.profiling.probe.Profiler profiler = instrumentation == null
                ? null
                : new dev.perfshell.profiling.probe.Profiler(
                        instrumentation, EnginePremain.classBytes(), samplers, profileReset);
        table.put(EngineProtocol.PRUN_ARM, arg -> {
            if (profiler == null)
                throw new IllegalStateException("the engine runs without its agent: no instrumentation");
            return WireForm.write(profiler.arm(WireForm.read(PrunArm.class, (Map<?, ?>) arg)));
        });
        table.put(
                EngineProtocol.PRUN_TAKE,
                arg -> profiler == null
                        ? WireForm.write(new PrunTake(null, 0, 0, null, null))
                        : WireForm.write(profiler.take()));
        dev.perfshell.profiling.probe.LineProfiler lines = instrumentation == null
                ? null
                : new dev.perfshell.profiling.probe.LineProfiler(
                        instrumentation, EnginePremain.classBytes(), samplers, profileReset);
        table.put(EngineProtocol.LINES_ARM, arg -> {
            if (lines == null) throw new IllegalStateException("the engine runs without its agent: no instrumentation");
            return WireForm.write(lines.arm(WireForm.read(LinesArm.class, (Map<?, ?>) arg)));
        });
        table.put(
                EngineProtocol.LINES_TAKE,
                arg -> lines == null
                        ? WireForm.write(new LinesTake(null, null, null, MemoryMeter.layoutFlags()))
                        : WireForm.write(lines.take()));
        dev.perfshell.profiling.jit.JitRecording jit = new dev.perfshell.profiling.jit.JitRecording();
        table.put(EngineProtocol.WHY_ARM, arg -> {
            jit.arm();
            return Boolean.TRUE;
        });
        table.put(EngineProtocol.WHY_TAKE, arg -> {
            ClassLoader session = classes.find((String) arg).getClassLoader();
            String sessionLoader = session.getClass().getName();
            return WireForm.write(jit.take(
                    type -> type.getName().startsWith("REPL.")
                            || type.getClassLoader() != null
                                    && type.getClassLoader().getType() != null
                                    && type.getClassLoader().getType().getName().equals(sessionLoader),
                    internal -> {
                        byte[] known = EnginePremain.classBytes().original(internal);
                        return known != null
                                ? known
                                : dev.perfshell.profiling.jit.JitRecording.resourceBytes(session, internal);
                    }));
        });
        dev.perfshell.profiling.flame.Flames flames = new dev.perfshell.profiling.flame.Flames(samplers);
        table.put(EngineProtocol.FLAME, arg -> {
            dev.perfshell.profiling.flame.FlameRequest request =
                    WireForm.read(dev.perfshell.profiling.flame.FlameRequest.class, (Map<?, ?>) arg);
            Timed timed = instantiate(classes.find(request.className()));
            return userCode.run(() -> WireForm.write(flames.profile(timed, request)));
        });
        table.put(
                EngineProtocol.FLAME_LIST,
                arg -> WireForm.write(flames.list(
                        WireForm.read(dev.perfshell.profiling.flame.FlameRequest.Sampler.class, (Map<?, ?>) arg))));
        table.put(EngineProtocol.FORGET, arg -> {
            SessionVariable variable = WireForm.read(SessionVariable.class, (Map<?, ?>) arg);
            accessibleField(classes.find(variable.className()), variable.field())
                    .set(null, null);
            return Boolean.TRUE;
        });
        table.put(EngineProtocol.SIZEOF, arg -> {
            SessionVariable.Sizeof request = WireForm.read(SessionVariable.Sizeof.class, (Map<?, ?>) arg);
            SessionVariable variable = request.variable();
            Object value = staticField(classes.find(variable.className()), variable.field());
            if (value == null) return new HashMap<String, Object>();
            return userCode.run(() -> footprints.measure(value, request.jars(), request.layout()));
        });
        prestart = new JitWatchPrestart(
                () -> {
                    timeit.jitWatch();
                    runEarlyCheck(timeit);
                },
                System::nanoTime);
        for (String measuring : java.util.List.of(
                EngineProtocol.TIMEIT,
                EngineProtocol.TIMEIT_INTERLEAVED,
                EngineProtocol.BLACKHOLE_CHECK,
                EngineProtocol.TIME_ARM,
                EngineProtocol.MEMIT_ARM,
                EngineProtocol.PRUN_ARM,
                EngineProtocol.LINES_ARM,
                EngineProtocol.FLAME)) {
            EngineCommand command = table.get(measuring);
            table.put(measuring, arg -> {
                prestart.beforeMeasurement();
                return command.run(arg);
            });
        }
        table.put(EngineProtocol.PREPARE_TIMING, arg -> {
            prestart.startNow();
            return Boolean.TRUE;
        });
        prestart.startWhenIdle();
    }

    /**
     * The blackhole self-check, run ahead with the JIT watch's start while the engine is idle (0.4 s the first
     * %timeit no longer waits for); the same JVM, so the same verdict. A failure leaves it to the command.
     */
    private void runEarlyCheck(TimeitRunner timeit) {
        try {
            BlackholeCheck check = BlackholeSelfCheck.run(timeit);
            synchronized (this) {
                earlyCheck = check;
            }
        } catch (Throwable noEarlyCheck) {
            // the first %timeit runs it
        }
    }

    private synchronized BlackholeCheck takeEarlyCheck() {
        BlackholeCheck check = earlyCheck;
        earlyCheck = null;
        return check;
    }

    /** What the engine tells about its activity, so the JIT watch starts only while it is idle. */
    JitWatchPrestart prestart() {
        return prestart;
    }

    private static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
        return accessibleField(type, name).get(null);
    }

    private static java.lang.reflect.Field accessibleField(Class<?> type, String name)
            throws ReflectiveOperationException {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    EngineCommand find(String name) {
        return table.get(name);
    }

    private static Timed instantiate(Class<?> type) throws ReflectiveOperationException {
        java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (Timed) constructor.newInstance();
    }

    private static EngineInfo info(Instrumentation instrumentation) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) collectors.add(gc.getName());
        return new EngineInfo(
                ProcessHandle.current().pid(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.home"),
                runtime.getVmName() + " " + runtime.getVmVersion(),
                runtime.getInputArguments(),
                System.getProperty("java.class.path"),
                Runtime.getRuntime().maxMemory(),
                Runtime.getRuntime().availableProcessors(),
                instrumentation == null
                        ? "absent"
                        : "redefine=" + instrumentation.isRedefineClassesSupported() + " retransform="
                                + instrumentation.isRetransformClassesSupported(),
                runtime.getVmName(),
                runtime.getVmVersion(),
                collectors,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel());
    }

    /** The first "model name" of /proc/cpuinfo (Linux), or {@code null} where there is none. */
    private static String cpuModel() {
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
