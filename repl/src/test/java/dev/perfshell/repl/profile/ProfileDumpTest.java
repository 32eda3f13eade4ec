package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.repl.profile.Profile.CallEdge;
import dev.perfshell.repl.profile.Profile.MethodStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDumpTest {
    @TempDir
    Path dir;

    /** main() calls twice(int) twice; twice calls the boundary Math.addExact once per call. */
    private static Profile tiny() {
        return new Profile(
                "main()",
                9_000,
                45,
                1,
                true,
                List.of(
                        new MethodStats("m", "main()", "#1:1(main)", false, 1, 1, 1_000, 8_000),
                        new MethodStats("t", "twice(int)", "#2:3(twice)", false, 2, 2, 4_000, 7_000),
                        new MethodStats(
                                "x",
                                "java.lang.Math.addExact(int,int)",
                                "{java.lang.Math.addExact}",
                                true,
                                2,
                                2,
                                3_000,
                                3_000)),
                List.of(new CallEdge("m", "t", 2, 2, 4_000, 7_000), new CallEdge("t", "x", 2, 2, 3_000, 3_000)),
                false);
    }

    @Test
    void formatComesFromTheName() {
        assertThat(ProfileDump.formatOf(Path.of("fib.json"))).isEqualTo(ProfileDump.Format.JSON);
        assertThat(ProfileDump.formatOf(Path.of("out/FIB.JSON"))).isEqualTo(ProfileDump.Format.JSON);
        assertThat(ProfileDump.formatOf(Path.of("fib.callgrind"))).isEqualTo(ProfileDump.Format.CALLGRIND);
        assertThat(ProfileDump.formatOf(Path.of("fib.out"))).isEqualTo(ProfileDump.Format.CALLGRIND);
        assertThat(ProfileDump.formatOf(Path.of("/tmp/callgrind.out.1234"))).isEqualTo(ProfileDump.Format.CALLGRIND);
        assertThatThrownBy(() -> ProfileDump.formatOf(Path.of("fib.pstats")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "-D fib.pstats: name the file .json (perfshell's JSON) or .callgrind, .out, callgrind.out.* "
                                + "(callgrind format, for KCachegrind and gprof2dot)");
    }

    @Test
    void jsonReadsBackWithJackson() throws Exception {
        Path file = dir.resolve("fib.json");
        String message = ProfileDump.dump(Profiles.fib(), file);
        assertThat(message).isEqualTo("*** Profile stats marshalled to file '" + file + "'.");

        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "schema",
                        "source",
                        "totalNanos",
                        "subtractedNanosPerCall",
                        "threads",
                        "timed",
                        "partial",
                        "methods",
                        "edges");
        assertThat(root.get("schema").asText()).isEqualTo("perfshell-profile/1");
        assertThat(root.get("source").asText()).isEqualTo("run()");
        assertThat(root.get("totalNanos").asLong()).isEqualTo(4_512_345);
        assertThat(root.get("subtractedNanosPerCall").asLong()).isEqualTo(49);
        assertThat(root.get("threads").asInt()).isEqualTo(1);
        assertThat(root.get("timed").asBoolean()).isTrue();
        assertThat(root.get("partial").asBoolean()).isFalse();

        assertThat(root.get("methods")).hasSize(4);
        JsonNode fib = root.get("methods").get(1);
        assertThat(fib.toString())
                .isEqualTo("{\"method\":\"fib(int)\",\"location\":\"#1:1(fib)\",\"boundary\":false,"
                        + "\"calls\":21891,\"primitiveCalls\":1,\"selfNanos\":4485120,\"cumulativeNanos\":4485120}");
        assertThat(root.get("methods").get(3).get("boundary").asBoolean()).isTrue();

        assertThat(root.get("edges")).hasSize(4);
        assertThat(root.get("edges").get(1).toString())
                .isEqualTo("{\"caller\":\"#1:1(fib)\",\"callee\":\"#1:1(fib)\","
                        + "\"calls\":21890,\"primitiveCalls\":0,\"selfNanos\":4484915,\"cumulativeNanos\":4484990}");
        assertThat(root.get("edges").get(3).get("callee").asText()).isEqualTo("{java.lang.Long.valueOf}");
    }

    @Test
    void jsonIsIndentedAndEndsWithANewline() {
        String json = ProfileDump.json(tiny());
        assertThat(json)
                .startsWith("{\n  \"schema\" : \"perfshell-profile/1\",\n  \"source\" : \"main()\",\n")
                .endsWith("}\n");
    }

    @Test
    void callgrindLineByLine() {
        assertThat(ProfileDump.callgrind(tiny()).split("\n", -1))
                .containsExactly(
                        "# callgrind format",
                        "version: 1",
                        "creator: perfshell %prun",
                        "cmd: main()",
                        "# wall time 9000 ns on 1 thread; probe cost subtracted: 45 ns per call",
                        "positions: line",
                        "event: Ticks : Time (ns)",
                        "events: Ticks",
                        "summary: 8000",
                        "",
                        "fl=#1",
                        "fn=main()",
                        "1 1000",
                        "cfl=#2",
                        "cfn=twice(int)",
                        "calls=2 3",
                        "1 7000",
                        "",
                        "fl=#2",
                        "fn=twice(int)",
                        "3 4000",
                        "cfl=~",
                        "cfn=java.lang.Math.addExact(int,int)",
                        "calls=2 0",
                        "3 3000",
                        "",
                        "fl=~",
                        "fn=java.lang.Math.addExact(int,int)",
                        "0 3000",
                        "");
    }

    @Test
    void callgrindKeepsFunctionNamesUniqueAndValuesOnOneLine() {
        Profile p = new Profile(
                "var a = f(1);\nf(2)",
                100,
                0,
                2,
                false,
                List.of(
                        new MethodStats("a", "f(int)", "#1:1(f)", false, 1, 1, 0, 0),
                        new MethodStats("b", "f(int)", "#4:1(f)", false, 1, 1, 0, 0)),
                List.of(),
                true);
        assertThat(ProfileDump.callgrind(p).split("\n"))
                .contains(
                        "cmd: var a = f(1); f(2)",
                        "# wall time 100 ns on 2 threads; counts only: times are 0; partial: the statement did not complete",
                        "fn=f(int) #1:1(f)",
                        "fn=f(int) #4:1(f)");
    }

    @Test
    void dumpWritesCallgrindAndReplacesAnOldFile() throws Exception {
        Path file = dir.resolve("callgrind.out.fib");
        Files.writeString(file, "old");
        assertThat(ProfileDump.dump(tiny(), file)).isEqualTo("*** Profile stats marshalled to file '" + file + "'.");
        assertThat(Files.readString(file)).isEqualTo(ProfileDump.callgrind(tiny()));
    }

    @Test
    void saveTextWritesThePrintout() throws Exception {
        Path file = dir.resolve("fib.txt");
        List<String> printout = ProfileRenderer.render(Profiles.fib());
        assertThat(ProfileDump.saveText(printout, file))
                .isEqualTo("*** Profile printout saved to text file '" + file + "'.");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", printout) + "\n");
    }

    @Test
    void edgeToAnUnknownRowIsReported() {
        Profile broken = new Profile(
                "x()",
                1,
                0,
                1,
                true,
                List.of(new MethodStats("a", "a()", "#1:1(a)", false, 1, 1, 1, 1)),
                List.of(new CallEdge("a", "gone", 1, 1, 0, 0)),
                false);
        assertThatThrownBy(() -> ProfileDump.json(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a call edge names row gone, which the profile doesn't have");
    }
}
