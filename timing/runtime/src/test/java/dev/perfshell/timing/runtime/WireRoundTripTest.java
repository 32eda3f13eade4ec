package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The timing commands' requests and replies cross the engine link as JDK maps and arrays (their {@link WireForm}, sent
 * by Java serialization with an allow-list of JDK types): each type read back from its wire form, after a real
 * serialization, equals what was written, field by field, including the optional fields when absent.
 */
class WireRoundTripTest {
    private static <R extends Record> R overTheWire(R record) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(WireForm.write(record));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            Class<R> type = (Class<R>) record.getClass();
            return WireForm.read(type, (Map<?, ?>) in.readObject());
        }
    }

    private static final TimeitPlan PLAN = new TimeitPlan(2_000_000_000L, 7, 0, 300_000_000L, 2, 4);

    @Test
    void aTimeitRequest() throws Exception {
        TimeitRequest request = new TimeitRequest("REPL.$JShell$12$PerfshellTimed3", PLAN, false, true);
        assertThat(overTheWire(request)).isEqualTo(request);
        TimeitRequest defaults = new TimeitRequest("C", PLAN, true, false);
        assertThat(overTheWire(defaults)).isEqualTo(defaults);
    }

    @Test
    void anInterleavedRequest() throws Exception {
        TimeitRequest.Interleaved request = new TimeitRequest.Interleaved(List.of("A", "B", "C"), PLAN, false);
        assertThat(overTheWire(request)).isEqualTo(request);
    }

    @Test
    void aTimeitReplyWithEveryField() throws Exception {
        TimeitReply reply = new TimeitReply(
                        new double[] {1.5, 2.25},
                        new long[] {1000, 1200},
                        new long[] {0, 16},
                        new long[] {0, 3},
                        1,
                        new long[] {0, -1},
                        new long[] {15_000_000L, 15_100_000L},
                        new long[] {0, 1_250_000L},
                        250_000_000L,
                        9,
                        true,
                        "fewer runs: one operation takes about 2 s",
                        4,
                        2,
                        900_000_000L,
                        null,
                        null)
                .withLoopReachedC2(false)
                .withProfileReset(new ProfileReset.Outcome(125, 1, 14_600_000L, null, List.of("Foo: no bytes")));
        assertSameReply(overTheWire(reply), reply);
    }

    @Test
    void aTimeitReplyWithoutTheOptionalFields() throws Exception {
        TimeitReply reply = new TimeitReply(
                new double[] {3.0},
                new long[] {10},
                new long[] {0},
                new long[] {0},
                0,
                new long[] {0},
                new long[] {30},
                new long[] {-1},
                0,
                0,
                false,
                "",
                -1,
                0,
                5,
                null,
                null);
        TimeitReply read = overTheWire(reply);
        assertSameReply(read, reply);
        assertThat(read.loopReachedC2()).isNull();
        assertThat(read.profileReset()).isNull();
    }

    @Test
    void aFailedResetKeepsItsProblem() throws Exception {
        ProfileReset.Outcome failed = new ProfileReset.Outcome(0, 0, 0, "no instrumentation", List.of());
        assertThat(overTheWire(failed)).isEqualTo(failed);
    }

    @Test
    void aBlackholeCheck() throws Exception {
        BlackholeCheck check = new BlackholeCheck(2.4, 0.31, "compiler", true);
        assertThat(overTheWire(check)).isEqualTo(check);
    }

    @Test
    void theFiguresOfATime() throws Exception {
        OnceMeter.Figures figures = new OnceMeter.Figures(1_000, 900, 200, 5_000, 2, 14, 3);
        assertThat(overTheWire(figures)).isEqualTo(figures);
    }

    private static void assertSameReply(TimeitReply read, TimeitReply written) {
        assertThat(read).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(written);
    }
}
