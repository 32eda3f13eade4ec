package dev.perfshell.repl.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The flame graph page written from perfshell's own stacks: decoded the way its script decodes it (unpack() on the
 * name pool, then f/u calls into frames), it must give back exactly the stacks' names and widths.
 */
class FlameGraphHtmlTest {
    private static final FoldedStacks STACKS = FoldedStacks.parse(String.join(
            "\n",
            "<statement>;fib (#3:1);fib (#3:1) 60",
            "<statement>;fib (#3:1);java.util.HashMap.get 25",
            "<statement>;fillAll (#4:2);[kernel] 10",
            "<statement>;it's \\ odd</script> 5",
            ""));

    /** One drawn frame: its name, level, absolute left and width, as the page's f() computes them. */
    record Frame(String title, int level, long left, long width, int colour) {}

    /** Written like every file of the tool: over the old page in one rename, no temporary file left behind. */
    @Test
    void writingReplacesAnOldPageWholeAndLeavesNoTemporaryFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("flame.html");
        java.nio.file.Files.writeString(file, "an earlier graph");
        FlameGraphHtml.write(STACKS, "%flame fib(30)", file);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(FlameGraphHtml.page(STACKS, "%flame fib(30)"));
        try (var names = java.nio.file.Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("flame.html");
        }
    }

    @Test
    void thePageCarriesTheTablesNamesAndWidths() {
        String page = FlameGraphHtml.page(STACKS, "%flame fib(30) <b>");
        List<Frame> frames = decode(page);
        assertThat(frames).first().isEqualTo(new Frame("all", 0, 0, 100, 1));
        assertThat(frames)
                .contains(
                        new Frame("<statement>", 1, 0, 100, 1),
                        new Frame("fib (#3:1)", 2, 0, 85, 1),
                        new Frame("fib (#3:1)", 3, 0, 60, 1),
                        new Frame("java.util.HashMap.get", 3, 60, 25, 1),
                        new Frame("fillAll (#4:2)", 2, 85, 10, 1),
                        new Frame("[kernel]", 3, 85, 10, 5),
                        new Frame("it's \\ odd</script>", 2, 95, 5, 3));
        assertThat(frames).hasSize(8);
        assertThat(page)
                .doesNotContain("REPL")
                .contains("<h1>%flame fib(30) &lt;b&gt;</h1>")
                .contains("const levels = Array(4);")
                .contains("height: 64px");
        // the frame name with </script> is inside a JavaScript string, escaped: the page's script is not cut short
        assertThat(page.indexOf("</script>")).isEqualTo(page.lastIndexOf("</script>"));
    }

    @Test
    void threadFramesAllocatedTypesAndNativeCodeGetAsyncProfilersColours() {
        assertThat(FlameGraphHtml.colour("[main tid=4]")).isEqualTo(3);
        assertThat(FlameGraphHtml.colour("byte[]_[i]")).isEqualTo(2);
        assertThat(FlameGraphHtml.title("byte[]_[i]")).isEqualTo("byte[]");
        assertThat(FlameGraphHtml.colour("CompileBroker::compiler_thread_loop")).isEqualTo(4);
        assertThat(FlameGraphHtml.colour("start_thread")).isEqualTo(3);
        assertThat(FlameGraphHtml.colour("Box.twice (#7:2)")).isEqualTo(1);
        assertThat(FlameGraphHtml.colour("lambda.apply (#3:1)")).isEqualTo(1);
    }

    @Test
    void longSharedPrefixesStayOnePrintableCharacter() {
        String a = "x".repeat(120) + ".a";
        String b = "x".repeat(120) + ".b";
        List<Frame> frames = decode(FlameGraphHtml.page(FoldedStacks.parse(a + " 1\n" + b + " 2\n"), "t"));
        assertThat(frames).extracting(Frame::title).containsExactly("all", a, b);
    }

    /** What the page's unpack() and f()/u() do, in Java. */
    static List<Frame> decode(String page) {
        String pool = page.substring(
                page.indexOf("const cpool = [") + "const cpool = [".length(), page.indexOf("];\nunpack(cpool);"));
        List<String> names = new ArrayList<>();
        Matcher literal = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(pool);
        while (literal.find()) names.add(unescape(literal.group(1)));
        for (int i = 1; i < names.size(); i++) {
            String packed = names.get(i);
            names.set(i, names.get(i - 1).substring(0, packed.charAt(0) - 32) + packed.substring(1));
        }
        List<Frame> frames = new ArrayList<>();
        Matcher call = Pattern.compile("(?m)^([fu])\\(([\\d,]+)\\)$").matcher(page);
        int level = 0;
        long left = 0;
        while (call.find()) {
            String[] args = call.group(2).split(",");
            int key = Integer.parseInt(args[0]);
            long width;
            if (call.group(1).equals("u")) {
                level++;
                width = Long.parseLong(args[1]);
            } else {
                level = Integer.parseInt(args[1]);
                left += Long.parseLong(args[2]);
                width = Long.parseLong(args[3]);
            }
            frames.add(new Frame(names.get(key >>> 3), level, left, width, key & 7));
        }
        return frames;
    }

    private static String unescape(String js) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = js.charAt(++i);
            if (next == 'x') {
                out.append((char) Integer.parseInt(js.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (next == 'u') {
                out.append((char) Integer.parseInt(js.substring(i + 1, i + 5), 16));
                i += 4;
            } else out.append(next);
        }
        return out.toString();
    }
}
