package dev.perfshell.timing;

import dev.perfshell.timing.runtime.Units;
import java.util.Locale;

/**
 * What was done about the JIT profiles earlier code left in the engine before a snippet was timed.
 *
 * @param reset   whether a reset was asked for ({@code false}: {@code --keep-profiles})
 * @param classes classes redefined with their own bytes, so their methods start with empty profiles
 * @param failed  classes that could not be reset (no class file, refused by the JVM)
 * @param nanos   what the reset cost
 * @param problem why nothing was reset although it was asked for, or {@code null}
 * @param examples a few classes that could not be reset, with the reason
 */
public record ProfileCleaning(
        boolean reset, int classes, int failed, long nanos, String problem, java.util.List<String> examples) {

    /** {@code --keep-profiles}: the session's profiles were left as they were, on purpose. */
    public static ProfileCleaning kept() {
        return new ProfileCleaning(false, 0, 0, 0, null, java.util.List.of());
    }

    /** The snippet ran on fresh profiles (a reset that did what it was asked). */
    public boolean clean() {
        return reset && problem == null;
    }

    /** One line for {@code -v}. */
    public String describe() {
        if (!reset) return "JIT profiles: kept as earlier code left them (--keep-profiles)";
        if (problem != null) return "JIT profiles: not reset (" + problem + ")";
        return String.format(
                Locale.ROOT,
                "JIT profiles: reset before warm-up, %,d classes in %s%s",
                classes,
                Units.time(nanos),
                failed == 0
                        ? ""
                        : String.format(
                                Locale.ROOT, " (%,d could not be reset: %s)", failed, String.join(", ", examples)));
    }
}
