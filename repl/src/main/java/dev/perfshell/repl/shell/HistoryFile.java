package dev.perfshell.repl.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the interactive shell keeps its history: {@code $PERFSHELL_HOME/history}, else
 * {@code ~/.perfshell/history}. A home that cannot be created or written (read-only, a path under a
 * regular file) costs the history, not the session: the shell starts without one and says so once.
 *
 * @param file    the history file, or {@code null} when there is none this session
 * @param problem the one line saying why there is no history, or {@code null}
 */
public record HistoryFile(Path file, String problem) {
    public static HistoryFile locate(Map<String, String> env, String userHome) {
        String configured = env.get("PERFSHELL_HOME");
        Path home = Path.of(configured != null && !configured.isBlank() ? configured : userHome + "/.perfshell");
        Path file = home.resolve("history");
        try {
            Files.createDirectories(home);
        } catch (IOException | SecurityException e) {
            return without(home, "cannot create " + home + " (" + reason(e) + ")");
        }
        if (!Files.isWritable(home) || Files.exists(file) && !Files.isWritable(file)) {
            return without(home, (Files.exists(file) ? file : home) + " is not writable");
        }
        return new HistoryFile(file, null);
    }

    private static HistoryFile without(Path home, String why) {
        return new HistoryFile(
                null,
                "No history this session: " + why + ". Next: set PERFSHELL_HOME to a writable folder (now " + home
                        + ").");
    }

    /** "Not a directory" rather than the exception's class and path again. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }
}
