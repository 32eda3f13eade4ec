package dev.perfshell.engine;

import dev.perfshell.profiling.memory.MemoryMeter;
import dev.perfshell.timing.runtime.OnceMeter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassDefinition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The engine JVM's side of the JShell protocol: JShell launches {@code java ... EngineAgent PORT}.
 *
 * <p>Why a subclass rather than the stock agent:
 * <ul>
 *   <li>TCP_NODELAY on the command socket (the stock engine waits ~88 ms per round trip on Nagle);</li>
 *   <li>Ctrl-C without JDWP ({@link ClientCodeStop}, {@link ControlChannel}) and JShell's redefinitions done
 *       here ({@link #redefine}); on engine JDKs 20+, which keep JDWP, {@link #invoke(Method)} and {@link #varValue}
 *       are overridden so a frame of this class is on the stack: JShell's stop over JDI looks for that frame;</li>
 *   <li>a memory reserve against retained-heap OutOfMemoryError; it halts when its shell dies (the command
 *       stream ends: {@link CommandStream}; the parent is gone: {@link ParentWatchdog});</li>
 *   <li>it starts only under the shell that launched it ({@link LaunchCheck});</li>
 *   <li>extension commands for the magics, which never let a Throwable escape (it would kill the stream).</li>
 * </ul>
 */
public final class EngineAgent extends RemoteExecutionControl {
    private final MemoryReserve reserve = new MemoryReserve(4 << 20);
    private final OnceMeter meter = new OnceMeter();
    /** Extension replies go out in an envelope that lets the stream be reset between them (ReplyStream). */
    private final ReplyStream replies = new ReplyStream();
    /**
     * Ctrl-C interrupted the shell's input: user code a command would still start is refused. Set by the shell
     * at once, over the control connection ({@link ControlChannel}) or over JDI ({@link EngineProtocol#INTERRUPTED_FIELD});
     * static so that JDI can reach it at any moment (one agent per engine JVM). Cleared by {@link EngineProtocol#NEW_INPUT}.
     */
    private static volatile boolean interrupted;
    /** Ctrl-C's stop when the engine carries no JDWP (requested over standard input: {@link ControlChannel}). */
    private final ClientCodeStop stop = new ClientCodeStop();
    /** %memit's meter, made on its first use: its management beans are start-up time an engine may never need. */
    private MemoryMeter memory;

    private final EngineCommands commands = new EngineCommands(
            meter, this::memoryMeter, EnginePremain.instrumentation(), this::runUserCode, this::findClass);

    public static void main(String[] args) throws Exception {
        String token;
        ProcessHandle shell;
        try {
            shell = LaunchCheck.verifyParent(
                    System.getProperty(LaunchCheck.SHELL_PID_PROPERTY),
                    ProcessHandle.current().parent());
            ParentWatchdog.watch(shell);
            token = LaunchCheck.readToken(System.in, LaunchCheck.TOKEN_WAIT_SECONDS);
        } catch (LaunchCheck.Refused refused) {
            // The engine's own main: nothing else runs in this JVM yet, so exiting here is its whole answer.
            System.err.println("perfshell engine: refusing to start: " + refused.getMessage());
            System.exit(EngineProtocol.EXIT_REFUSED);
            return;
        }
        // The engine shares the shell's process group, so a Ctrl-C at the terminal reaches it too
        // and would end it; the shell turns Ctrl-C into a JShell stop instead.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        int port = Integer.parseInt(args[args.length - 1]);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        InputStream in = new CommandStream(
                socket.getInputStream(),
                shell,
                Duration.ofSeconds(1),
                () -> Runtime.getRuntime().halt(EngineProtocol.EXIT_PARENT_GONE));
        OutputStream out = socket.getOutputStream();
        // First on the wire, before JShell's object streams: the shell accepts the connection only with it.
        out.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        EngineAgent agent = new EngineAgent();
        if (ControlChannel.wanted()) ControlChannel.connect(port, token, agent.stop, () -> interrupted = true);
        Util.forwardExecutionControlAndIO(agent, in, out, outputs, inputs);
    }

    /**
     * A stop that lands in JShell's own code of the call (converting the user's exception, say) would escape into
     * the command loop and end the engine: it is reported as stopped instead.
     */
    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            return super.invoke(className, methodName);
        } catch (ThreadDeath late) {
            throw new StoppedException();
        }
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        commands.prestart().enter();
        try {
            return invokeSnippet(doit);
        } finally {
            commands.prestart().leave();
        }
    }

    private String invokeSnippet(Method doit) throws Exception {
        reserve.restore();
        Object value;
        MemoryMeter memit = memory;
        if (memit != null) memit.begin();
        meter.begin();
        try {
            value = doit.invoke(null);
        } catch (InvocationTargetException e) {
            stop.isOurs(e.getCause()); // seen: leave() below need not wait for it
            if (e.getCause() instanceof OutOfMemoryError) reserve.release();
            throw e;
        } catch (OutOfMemoryError e) {
            reserve.release();
            throw new InvocationTargetException(e); // reported as the user's error, not the engine's
        } finally {
            stop.leave(); // first: a stop still on its way lands here, not in the meters' bookkeeping
            meter.end();
            if (memit != null) memit.end();
        }
        return valueString(value);
    }

    private MemoryMeter memoryMeter() {
        if (memory == null) memory = new MemoryMeter();
        return memory;
    }

    /**
     * Runs user code inside an extension command the way JShell runs a snippet: marked as client
     * code so Ctrl-C's stop reaches it, and its exceptions converted into the user's exception.
     */
    private Object runUserCode(EngineCommands.Code code) throws Exception {
        if (interrupted) throw new StoppedException();
        reserve.restore();
        try {
            clientCodeEnter();
            return code.call();
        } catch (OutOfMemoryError e) {
            reserve.release();
            return throwConvertedInvocationException(e);
        } catch (Throwable t) {
            return throwConvertedInvocationException(t);
        } finally {
            clientCodeLeave();
        }
    }

    @Override
    protected void clientCodeEnter() {
        super.clientCodeEnter(); // JShell's flags, which a stop over JDI reads
        stop.enter();
    }

    @Override
    protected void clientCodeLeave() throws InternalException {
        stop.leave();
        super.clientCodeLeave();
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (stop.isOurs(cause)) throw new StoppedException();
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        if (stop.isOurs(ex)) throw new StoppedException();
        return super.throwConvertedOtherException(ex);
    }

    /** JShell's load of new snippet classes; their bytes are kept for a profile reset ({@code ClassProfileReset}). */
    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        for (ClassBytecodes loaded : classes) EnginePremain.classBytes().remember(loaded.name(), loaded.bytecodes());
    }

    /**
     * JShell's redefinition of a changed snippet class, done here with the agent's {@link java.lang.instrument.Instrumentation} (the
     * stock engine has the shell do it over JDI; this engine may carry no JDWP). JVMTI's RedefineClasses either way.
     */
    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        try {
            ClassDefinition[] definitions = new ClassDefinition[classes.length];
            for (int i = 0; i < classes.length; i++) {
                definitions[i] = new ClassDefinition(findClass(classes[i].name()), classes[i].bytecodes());
            }
            EnginePremain.instrumentation().redefineClasses(definitions);
        } catch (Exception | LinkageError e) {
            // JShell then replaces the class instead (a changed signature cannot be redefined)
            throw new ClassInstallException("redefine: " + e.getMessage(), new boolean[classes.length]);
        }
        super.redefine(classes); // records the new bytes with the class loader, as after a redefinition over JDI
        for (ClassBytecodes redefined : classes)
            EnginePremain.classBytes().remember(redefined.name(), redefined.bytecodes());
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            return super.varValue(className, varName); // a frame of this class, so a stop over JDI can find it
        } catch (ThreadDeath late) {
            throw new StoppedException(); // as in invoke
        }
    }

    /**
     * JShell's close command: the stock agent closes and then idles until the shell gives up on it
     * (one second on every exit, /reset and /reload). The engine's work is done, so end at once.
     */
    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    @Override
    public Object extensionCommand(String name, Object argument)
            throws RunException, EngineTerminationException, InternalException {
        // A new input clears Ctrl-C's flag in order with the commands that follow (a control request could overtake).
        EngineCommand command =
                EngineProtocol.NEW_INPUT.equals(name) ? arg -> interrupted = false : commands.find(name);
        if (command == null) throw new NotImplementedException("Unknown engine command: " + name);
        commands.prestart().enter();
        try {
            replies.reset();
            return replies.wrap(command.run(argument));
        } catch (RunException | EngineTerminationException | InternalException e) {
            throw e;
        } catch (ThreadDeath late) {
            throw new StoppedException(); // a stop that landed in the command's own code, after its user code
        } catch (Throwable t) {
            reserve.release();
            throw new InternalException(name + " failed in the engine: " + t);
        } finally {
            commands.prestart().leave();
        }
    }
}
