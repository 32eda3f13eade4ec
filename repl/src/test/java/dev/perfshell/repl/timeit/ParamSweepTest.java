package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamSweepTest {

    @Test
    void aList() throws Exception {
        ParamSweep sweep = ParamSweep.parse("n=10,100");
        assertThat(sweep.name()).isEqualTo("n");
        assertThat(sweep.values()).containsExactly(10L, 100L);
        assertThat(sweep.type()).isEqualTo("int");
        assertThat(sweep.field(100)).isEqualTo("int n = 100;");
        assertThat(sweep.paramKey()).isEqualTo("param.n");
        // spaces, separators and exponents as people type sizes
        assertThat(ParamSweep.parse(" size = 1_000, 1e4 ,2E5").values()).containsExactly(1_000L, 10_000L, 200_000L);
        // the order given is kept: the lines come out in it
        assertThat(ParamSweep.parse("n=1000,10,100").values()).containsExactly(1000L, 10L, 100L);
    }

    @Test
    void aGeometricRange() throws Exception {
        assertThat(ParamSweep.parse("n=10..100000:x10").values()).containsExactly(10L, 100L, 1000L, 10000L, 100000L);
        // the end need not be on the grid; * is accepted for x
        assertThat(ParamSweep.parse("n=1..20:*2").values()).containsExactly(1L, 2L, 4L, 8L, 16L);
        // a fractional factor, rounded, without repeats
        assertThat(ParamSweep.parse("n=1..10:x1.5").values()).containsExactly(1L, 2L, 3L, 5L, 8L);
    }

    @Test
    void anArithmeticRange() throws Exception {
        assertThat(ParamSweep.parse("k=100..500:+100").values()).containsExactly(100L, 200L, 300L, 400L, 500L);
    }

    @Test
    void valuesBeyondIntMakeALong() throws Exception {
        ParamSweep sweep = ParamSweep.parse("n=1000,10000000000");
        assertThat(sweep.type()).isEqualTo("long");
        assertThat(sweep.field(1000)).isEqualTo("long n = 1000L;");
    }

    @Test
    void badInputIsOneLineNamingTheCulprit() {
        assertBad("n", "--param needs NAME=VALUES, e.g. n=10,100,1000 or n=10..100000:x10; got 'n'");
        assertBad("n=", "--param n has no values; e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad("=10,100", "--param needs a name before '=', e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad(
                "3n=10,100",
                "--param: '3n' is not a Java identifier (the snippet reads it as a variable); "
                        + "e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad(
                "int=10,100",
                "--param: 'int' is not a Java identifier (the snippet reads it as a variable); "
                        + "e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad("n=10,abc", "--param n: 'abc' is not a whole number; e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad("n=10,,100", "--param n: '' is not a whole number; e.g. n=10,100,1000 or n=10..100000:x10");
        assertBad("n=1.5,10", "--param n: '1.5' is not a whole number");
        assertBad("n=0,10", "--param n: values must be at least 1 (the fit takes log n), got 0");
        assertBad("n=10,100,10", "--param n: 10 is given twice");
        assertBad(
                "n=10..100000",
                "--param n: a range needs a step: n=10..100000:x10 (times 10) or n=10..100000:+10 (plus 10)");
        assertBad("n=10..100:x1", "--param n: the step x1 never grows; use a factor above 1, e.g. :x10");
        assertBad("n=10..100:x0.5", "--param n: the step x0.5 never grows; use a factor above 1, e.g. :x10");
        assertBad("n=10..100:xy", "--param n: the step 'xy' needs a number, e.g. :x10");
        assertBad("n=10..100:/2", "--param n: the step '/2' is neither a factor (:x10) nor an increment (:+10)");
        assertBad("n=100..10:x10", "--param n: the range 100..10 goes down; write the smaller end first");
        assertBad("n=1..1000:+1", "--param n: 41 values are too many (at most 40); use a larger step");
    }

    private static void assertBad(String spec, String message) {
        assertThatThrownBy(() -> ParamSweep.parse(spec))
                .as(spec)
                .isInstanceOf(ParamSweep.BadSweep.class)
                .hasMessage(message);
    }

    @Test
    void theValuesAreACopy() throws Exception {
        List<Long> values = ParamSweep.parse("n=1,2,3").values();
        assertThatThrownBy(() -> values.add(4L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setupThatDeclaresTheParameterIsRefused() throws Exception {
        ParamSweep sweep = ParamSweep.parse("n=10,100");
        assertThatThrownBy(() -> sweep.checkSetup("int n = 5; int[] a = new int[n];"))
                .isInstanceOf(ParamSweep.BadSweep.class)
                .hasMessage("the setup declares 'n', the --param name; rename one (the parameter is already a field)");
        // reading the parameter is what setup is for
        sweep.checkSetup("int[] a = new int[n];");
        sweep.checkSetup(null);
        sweep.checkSetup(" ");
    }
}
