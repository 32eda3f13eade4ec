package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCapTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private PrintStream capped(OutputCap cap) {
        return cap.wrap(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String shown() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outputUnderTheCapPassesWhole() {
        OutputCap cap = new OutputCap(100);
        cap.beginInput();
        capped(cap).print("hello\nworld\n");
        assertThat(shown()).isEqualTo("hello\nworld\n");
        assertThat(cap.endInput().bytes()).isZero();
    }

    @Test
    void outputOverTheCapIsCutAfterTheLastWholeLineAndTheRestCounted() {
        OutputCap cap = new OutputCap(10);
        cap.beginInput();
        PrintStream out = capped(cap);
        out.print("1234\n5678\n9abc\n"); // 15 bytes in one write: the first two lines fit
        out.print("more\n");
        assertThat(shown()).isEqualTo("1234\n5678\n");
        OutputCap.Dropped dropped = cap.endInput();
        assertThat(dropped.bytes()).isEqualTo(10);
        assertThat(dropped.atLineStart()).isTrue();
    }

    @Test
    void afterTheFirstDropNothingPassesEvenWhatWouldStillFit() {
        OutputCap cap = new OutputCap(10);
        cap.beginInput();
        PrintStream out = capped(cap);
        out.print("123456\n");
        out.print("abcdef\n"); // does not fit in the 3 bytes left
        out.print("x\n"); // would fit, but would make a gap look like whole output
        assertThat(shown()).isEqualTo("123456\n");
        assertThat(cap.endInput().bytes()).isEqualTo(9);
    }

    @Test
    void aLongLineIsCutAtTheCapButNeverInsideACharacter() {
        OutputCap cap = new OutputCap(5);
        cap.beginInput();
        capped(cap).print("abcdé and more"); // é is two bytes, the 5th and 6th
        assertThat(shown()).isEqualTo("abcd");
        OutputCap.Dropped dropped = cap.endInput();
        assertThat(dropped.bytes()).isEqualTo("abcdé and more".getBytes(StandardCharsets.UTF_8).length - 4);
        assertThat(dropped.atLineStart())
                .as("the note must start a line of its own")
                .isFalse();
    }

    @Test
    void outAndErrShareOneBudget() {
        OutputCap cap = new OutputCap(8);
        cap.beginInput();
        capped(cap).print("out1\n");
        capped(cap).print("err1\n");
        assertThat(shown()).isEqualTo("out1\n");
        assertThat(cap.endInput().bytes()).isEqualTo(5);
    }

    @Test
    void eachInputHasItsOwnBudget() {
        OutputCap cap = new OutputCap(6);
        PrintStream out = capped(cap);
        cap.beginInput();
        out.print("first\nsecond\n");
        assertThat(cap.endInput().bytes()).isEqualTo(7);
        cap.beginInput();
        out.print("third\n");
        assertThat(cap.endInput().bytes()).isZero();
        assertThat(shown()).isEqualTo("first\nthird\n");
    }

    /** 100 MB printed line by line, as the snippet in the issue does: the console gets the cap, the rest is only counted. */
    @Test
    void aHundredMegabytesReachTheConsoleAsTheCapAndNothingIsHeld() {
        long[] reached = new long[1];
        OutputStream countingConsole = new OutputStream() {
            @Override
            public void write(int b) {
                reached[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                reached[0] += len;
            }
        };
        OutputCap cap = new OutputCap(OutputCap.DEFAULT_LIMIT);
        PrintStream out = cap.wrap(new PrintStream(countingConsole, true, StandardCharsets.UTF_8));
        String line = "x".repeat(100);
        cap.beginInput();
        for (int i = 0; i < 1_000_000; i++) out.println(line);
        long printed = 1_000_000L * 101;
        OutputCap.Dropped dropped = cap.endInput();
        assertThat(reached[0])
                .isLessThanOrEqualTo(OutputCap.DEFAULT_LIMIT)
                .isGreaterThan(OutputCap.DEFAULT_LIMIT - 101);
        assertThat(reached[0] % 101).as("whole lines only").isZero();
        assertThat(dropped.bytes()).isEqualTo(printed - reached[0]);
    }
}
