package dev.perfshell.repl.flame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brendan Gregg's folded stacks, the format flamegraph.pl and speedscope read and async-profiler's
 * {@code collapsed} output writes: one line per distinct stack, frames root first separated by {@code ;},
 * then a space and the sample count. Frame names may contain spaces ({@code fib (#3:1)}); the count is
 * after the last one.
 */
public record FoldedStacks(List<Stack> stacks) {

    /** One distinct stack, root first, and how many samples it got. */
    public record Stack(List<String> frames, long count) {
        public Stack {
            frames = List.copyOf(frames);
        }
    }

    public FoldedStacks {
        stacks = List.copyOf(stacks);
    }

    /** @throws IllegalArgumentException naming the first line that is not {@code frames count} */
    public static FoldedStacks parse(String text) {
        List<Stack> stacks = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) continue;
            int space = line.lastIndexOf(' ');
            try {
                if (space <= 0) throw new NumberFormatException();
                long count = Long.parseLong(line.substring(space + 1).strip());
                stacks.add(new Stack(Arrays.asList(line.substring(0, space).split(";")), count));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + " is not 'frame;frame count': " + line);
            }
        }
        return new FoldedStacks(stacks);
    }

    /**
     * The stacks with a frame matching one of {@code include} (all stacks when it is empty) and no frame
     * matching one of {@code exclude}; patterns are found anywhere in a frame's name ({@code --include 'fib'}).
     */
    public FoldedStacks filter(List<java.util.regex.Pattern> include, List<java.util.regex.Pattern> exclude) {
        return new FoldedStacks(stacks.stream()
                .filter(stack -> include.isEmpty()
                        || stack.frames().stream()
                                .anyMatch(f -> include.stream()
                                        .anyMatch(p -> p.matcher(f).find())))
                .filter(stack -> stack.frames().stream()
                        .noneMatch(
                                f -> exclude.stream().anyMatch(p -> p.matcher(f).find())))
                .toList());
    }

    /** async-profiler's thread frame ({@code [main tid=4242]}), the root of each stack with {@code --threads}. */
    private static final java.util.regex.Pattern THREAD = java.util.regex.Pattern.compile("\\[.* tid=\\d+]");

    /** One thread's share of a profile split by thread. */
    public record ThreadSamples(String thread, long samples) {}

    public static boolean isThread(String frame) {
        return THREAD.matcher(frame).matches();
    }

    /** Samples per thread frame, most first (ties by name); empty when the stacks are not split by thread. */
    public List<ThreadSamples> threads() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Stack stack : stacks) {
            if (!stack.frames().isEmpty() && isThread(stack.frames().get(0)))
                counts.merge(stack.frames().get(0), stack.count(), Long::sum);
        }
        List<ThreadSamples> threads = new ArrayList<>();
        counts.forEach((thread, samples) -> threads.add(new ThreadSamples(thread, samples)));
        threads.sort(java.util.Comparator.comparingLong(ThreadSamples::samples).reversed());
        return threads;
    }

    public long samples() {
        return stacks.stream().mapToLong(Stack::count).sum();
    }

    /** The folded text again, one stack per line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Stack stack : stacks)
            out.append(String.join(";", stack.frames()))
                    .append(' ')
                    .append(stack.count())
                    .append('\n');
        return out.toString();
    }
}
