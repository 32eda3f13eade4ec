package dev.perfshell.repl.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDumpTest {
    @TempDir
    Path dir;

    @Test
    void onlyJsonNamesAreAccepted() {
        assertThat(LineDump.formatOf(Path.of("loop.json"))).isEqualTo(LineDump.Format.JSON);
        assertThat(LineDump.formatOf(Path.of("out/LOOP.JSON"))).isEqualTo(LineDump.Format.JSON);
        for (String name : List.of("loop.lprof", "loop.txt", "json", "loop.json.gz")) {
            assertThatThrownBy(() -> LineDump.formatOf(Path.of(name)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "-D " + name
                                    + ": name the file .json (perfshell's JSON; line_profiler's pickled .lprof only Python reads)");
        }
    }

    @Test
    void dumpRefusesOtherNamesWithoutWriting() {
        Path file = dir.resolve("loop.lprof");
        assertThatThrownBy(() -> LineDump.dump(SampleProfiles.time(), file))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void timeJsonReadsBackWithJackson() throws Exception {
        Path file = dir.resolve("loop.json");
        assertThat(LineDump.dump(SampleProfiles.time(), file))
                .isEqualTo("*** Profile stats written to file '" + file + "'.");

        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly("schema", "kind", "source", "partial", "perEventNanos", "layoutFlags", "methods");
        assertThat(root.get("schema").asText()).isEqualTo("perfshell-lines/1");
        assertThat(root.get("kind").asText()).isEqualTo("time");
        assertThat(root.get("source").asText()).isEqualTo("loop(100000); fib(20); twice()");
        assertThat(root.get("partial").asBoolean()).isFalse();
        assertThat(root.get("perEventNanos").asDouble()).isEqualTo(31.5);
        assertThat(root.get("layoutFlags")).isEmpty();

        JsonNode methods = root.get("methods");
        assertThat(methods).hasSize(4);
        JsonNode loop = methods.get(0);
        assertThat(loop.get("method").asText()).isEqualTo("loop(int)");
        assertThat(loop.get("location").asText()).isEqualTo("#3");
        assertThat(loop.get("firstLine").asInt()).isEqualTo(1);
        assertThat(loop.get("total").asLong()).isEqualTo(37_160_745);
        assertThat(loop.get("lines")).hasSize(6);
        assertThat(loop.get("lines").get(0).toString())
                .isEqualTo("{\"line\":1,\"hits\":0,\"nanos\":0,\"source\":\"long loop(int n) {\"}");
        assertThat(loop.get("lines").get(2).toString())
                .isEqualTo(
                        "{\"line\":3,\"hits\":100001,\"nanos\":15101313,\"source\":\"    for (int i = 0; i < n; i++)\"}");

        JsonNode box = methods.get(3);
        assertThat(box.get("location").asText()).isEqualTo("com/acme/Box.java");
        assertThat(box.get("firstLine").asInt()).isEqualTo(12);
        assertThat(box.get("lines").get(0).toString())
                .isEqualTo("{\"line\":13,\"hits\":2,\"nanos\":3000,\"source\":null}");
        assertThat(box.get("lines").get(2).get("hits").asLong()).isZero();
    }

    @Test
    void bytesJsonNamesTheValueBytesAndKeepsLayoutFlags() throws Exception {
        JsonNode root = new ObjectMapper().readTree(LineDump.json(SampleProfiles.bytes()));
        assertThat(root.get("kind").asText()).isEqualTo("bytes");
        assertThat(root.get("perEventNanos").asDouble()).isZero();
        assertThat(root.get("layoutFlags").toString()).isEqualTo("[\"-XX:ObjectAlignmentInBytes=16\"]");
        assertThat(root.get("methods").get(0).get("total").asLong()).isEqualTo(5_200);
        assertThat(root.get("methods").get(0).get("lines").get(2).toString())
                .isEqualTo("{\"line\":3,\"hits\":5,\"bytes\":5200,\"source\":\"        sink = new byte[1024];\"}");
        assertThat(root.get("methods").get(1).get("lines").get(2).get("bytes").asLong())
                .isEqualTo(1_040_000);
    }

    @Test
    void jsonIsIndentedAndEndsWithANewline() {
        assertThat(LineDump.json(SampleProfiles.time()))
                .startsWith("{\n  \"schema\" : \"perfshell-lines/1\",\n  \"kind\" : \"time\",\n")
                .endsWith("}\n");
    }

    @Test
    void partialIsRecorded() throws Exception {
        LineProfile p = SampleProfiles.time();
        LineProfile partial =
                new LineProfile(p.kind(), p.source(), p.methods(), p.perEventNanos(), p.layoutFlags(), true);
        assertThat(new ObjectMapper()
                        .readTree(LineDump.json(partial))
                        .get("partial")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void saveTextWritesThePrintoutLineByLine() throws Exception {
        Path file = dir.resolve("loop's.txt");
        List<String> printout = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false);
        assertThat(LineDump.saveText(printout, file))
                .isEqualTo("*** Profile printout saved to text file \"" + file + "\".");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", printout) + "\n");
        LineDump.saveText(List.of("again"), file);
        assertThat(Files.readString(file)).isEqualTo("again\n");
    }
}
