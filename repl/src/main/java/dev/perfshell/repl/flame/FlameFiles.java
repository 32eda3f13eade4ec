package dev.perfshell.repl.flame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where {@code %flame} writes a flame graph when {@code --html} names none: {@code $PERFSHELL_HOME/flame/}
 * ({@code ~/.perfshell/flame/} by default, next to the shell's history), one file per run named by its time,
 * so a later run never overwrites an earlier graph and the working directory stays clean.
 */
public final class FlameFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private FlameFiles() {}

    public static Path folder(java.util.Map<String, String> env) {
        return Path.of(env.getOrDefault("PERFSHELL_HOME", System.getProperty("user.home") + "/.perfshell"))
                .resolve("flame");
    }

    /** A new file in {@code folder}: {@code flame-20261129-221500.html}, or {@code …-2.html} when taken. */
    public static Path next(Path folder, LocalDateTime now) throws IOException {
        Files.createDirectories(folder);
        String stem = "flame-" + STAMP.format(now);
        Path file = folder.resolve(stem + ".html");
        for (int n = 2; Files.exists(file); n++) file = folder.resolve(stem + "-" + n + ".html");
        return file.toAbsolutePath();
    }
}
