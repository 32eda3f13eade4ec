package dev.perfshell.repl.compare;

/**
 * What a metric's unit measures, for the words a comparison uses and for keeping figures apart: a time
 * ({@code ns/op}, {@code ns}, a rate in {@code ops/s}) is slower or faster, bytes are more or less, and a
 * geometric mean over both would multiply a speed-up by a saving.
 */
public enum UnitKind {
    TIME("time", "slower", "faster", "slower", "faster"),
    BYTES("bytes", "more", "less", "more bytes", "fewer bytes"),
    /** A unit perfshell does not write itself (a JMH profiler's, say): worse or better by its direction. */
    OTHER("other units", "worse", "better", "worse", "better");

    private final String title;
    private final String worseRatio;
    private final String betterRatio;
    private final String worseVerdict;
    private final String betterVerdict;

    UnitKind(String title, String worseRatio, String betterRatio, String worseVerdict, String betterVerdict) {
        this.title = title;
        this.worseRatio = worseRatio;
        this.betterRatio = betterRatio;
        this.worseVerdict = worseVerdict;
        this.betterVerdict = betterVerdict;
    }

    static UnitKind of(String unit) {
        return switch (unit) {
            case "ns/op", "ns", "ops/s" -> TIME;
            case "bytes", "bytes/op" -> BYTES;
            default -> OTHER;
        };
    }

    /** The kind's name in a heading: {@code time}, {@code bytes}. */
    String title() {
        return title;
    }

    /** After a ratio: {@code 1.23x slower}, {@code 5.13x less}. */
    String ratioWord(boolean worse) {
        return worse ? worseRatio : betterRatio;
    }

    /** A verdict beyond the threshold: {@code slower}, {@code fewer bytes}. */
    String verdictWord(boolean worse) {
        return worse ? worseVerdict : betterVerdict;
    }
}
