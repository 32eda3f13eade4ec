package dev.perfshell.repl.compare;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code --fail-on}: which verdicts make {@code compare} exit 1. */
public enum FailOn {
    /** Only a significant slowdown beyond the threshold. */
    REGRESSION("regression"),
    /** Also a significant speed-up beyond the threshold (a benchmark that suddenly got faster may be broken). */
    ANY_CHANGE("any-change");

    private final String option;

    FailOn(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    /** The option's spelling ({@code regression}, {@code any-change}) to the constant. */
    public static FailOn parse(String text) {
        for (FailOn value : values()) if (value.option.equals(text)) return value;
        throw new IllegalArgumentException(
                "expected " + Arrays.stream(values()).map(FailOn::option).collect(Collectors.joining(" or "))
                        + ", found '" + text + "'");
    }

    boolean fails(Verdict verdict) {
        return verdict == Verdict.SLOWER || this == ANY_CHANGE && verdict == Verdict.FASTER;
    }
}
