package dev.perfshell.repl.link;

/**
 * How the engine JVM ended, for the one line the user gets.
 *
 * @param exitCode the process exit code, or -1 when it is unknown
 */
public record EngineDeath(int exitCode) {
    private static final int SIGNAL_BASE = 128;

    /** A plain sentence: "exited with code 3", "was killed by signal 9 (SIGKILL)". */
    public String describe() {
        if (exitCode == dev.perfshell.engine.EngineProtocol.EXIT_PARENT_GONE) return "halted (its shell went away)";
        if (exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 32) {
            int signal = exitCode - SIGNAL_BASE;
            return "was killed by signal " + signal + signalName(signal);
        }
        if (exitCode < 0) return "died";
        return "exited with code " + exitCode;
    }

    private static String signalName(int signal) {
        switch (signal) {
            case 9:
                return " (SIGKILL)";
            case 15:
                return " (SIGTERM)";
            case 6:
                return " (SIGABRT, a JVM crash)";
            case 11:
                return " (SIGSEGV, a JVM crash)";
            default:
                return "";
        }
    }
}
