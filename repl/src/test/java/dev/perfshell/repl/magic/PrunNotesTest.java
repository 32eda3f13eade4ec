package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrunNotesTest {
    /**
     * 100 samples over 10 runs: 10 a run; 2 x 500 samples wanted, so 100 runs (a round number), about 1,000 samples.
     */
    @Test
    void fewSamplesSuggestARunCountAndSayWhatItBuys() {
        assertThat(PrunNotes.fewSamplesNote(100, 10, "fib(20)"))
                .isEqualTo("note: the times rest on only 100 samples. Next: %prun -n 100 fib(20) runs it 100 times"
                        + " for about 1,000 samples.");
    }

    /** Enough samples need no note; none at all is said by the profile's footer, not projected from zero. */
    @Test
    void enoughOrNoSamplesGetNoNote() {
        assertThat(PrunNotes.fewSamplesNote(500, 1, "f()")).isNull();
        assertThat(PrunNotes.fewSamplesNote(0, 50, "f()")).isNull();
    }
}
