package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.profile.Profile;
import dev.perfshell.repl.profile.ProfileView;
import java.util.Locale;

/**
 * What %prun says beside its report: why the times are not sampled, the advice to repeat a statement whose times
 * rest on few samples, probes that cost more than the methods they timed, and a profile too big for {@code -r}.
 */
final class PrunNotes {
    /** Fewer samples than this for the whole statement: the note suggests -n. */
    static final long ENOUGH_SAMPLES = 500;

    private PrunNotes() {}

    /** Why the times are not sampled, or the advice to repeat a statement that got too few samples. */
    static void sampling(Console console, ProbesArmed armed, PrunTake taken, Profile profile, int repeats) {
        String problem = problem(taken.sampling()) != null ? problem(taken.sampling()) : problem(armed.sampling());
        if (problem != null) {
            console.warn("%prun could not sample (" + problem
                    + "): the profile has counts only. Next: --timed times with clock probes.");
            return;
        }
        String why = armed.sampling() == null ? null : armed.sampling().fallbackReason();
        if (why != null && !why.isEmpty()) console.dim("note: sampled with JFR: " + why);
        Profile.Sampling sampling = profile.sampling();
        if (sampling != null && !profile.partial()) {
            String note =
                    fewSamplesNote(sampling.samples(), repeats, profile.source().strip());
            if (note != null) console.dim(note);
        }
    }

    /** Why the sampler took nothing, or {@code null}. */
    static String problem(Sampling sampling) {
        return sampling == null ? null : sampling.problem();
    }

    /**
     * The advice to repeat a statement whose times rest on few samples, or {@code null}: none needed, or none
     * sampled at all (then the profile's own footer says that no sample fell in the statement, and a
     * projection from zero samples would promise zero).
     */
    static String fewSamplesNote(long samples, int repeats, String source) {
        if (samples >= ENOUGH_SAMPLES || samples == 0) return null;
        long suggested = SampledRuns.niceRepeats(repeats * (double) ENOUGH_SAMPLES * 2 / samples);
        return String.format(
                Locale.ROOT,
                "note: the times rest on only %d samples. Next: %%prun -n %d %s runs it %d times for about %,d samples.",
                samples,
                suggested,
                source,
                suggested,
                Math.round(samples * (double) suggested / repeats));
    }

    /** --timed: methods whose probes cost more than they measured, shown as 0 tottime. */
    static void clampedMethods(Console console, long clamped) {
        if (clamped <= 0) return;
        console.warn(
                "The probes cost more than " + clamped + (clamped == 1 ? " method" : " methods")
                        + " measured (shown as 0 tottime): code that runs briefly after its probes are installed is not yet "
                        + "compiled again. Next: profile a longer run, use --counts for exact counts, or %timeit for its time.");
    }

    /**
     * -r binds the profile by evaluating its constructor as Java: array initialisers of five values per method,
     * which javac refuses as "code too large" from about 1,600 methods on (and JShell then needs a new engine).
     */
    static boolean bindable(Profile profile, Console console) {
        if (profile.methods().size() <= ProfileView.MAX_BOUND_ROWS) return true;
        console.error(String.format(
                Locale.ROOT,
                "%%prun -r: %,d methods are too many to bind (at most %,d). "
                        + "Next: -D FILE.json keeps every row; read it with any JSON library.",
                profile.methods().size(),
                ProfileView.MAX_BOUND_ROWS));
        return false;
    }
}
