package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.magic.MagicCursor.Role;
import org.junit.jupiter.api.Test;

/** What the word at the cursor is to the magic; {@code |} marks the cursor in each line (the text after it is not seen). */
class MagicCursorTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    /** The cursor in the argument text after {@code %name}: the line up to the mark. */
    private MagicCursor at(String line) {
        String typed = line.substring(0, line.indexOf('|'));
        int nameEnd = typed.indexOf(' ');
        String name = typed.substring(typed.startsWith("%%") ? 2 : 1, nameEnd);
        return MagicCursor.at(() -> registry.commandLine(name).orElseThrow(), typed.substring(nameEnd));
    }

    /** Where the mark {@code ^} stands in the argument text of {@code line}. */
    private static int offset(String marked) {
        return marked.indexOf('^') - marked.indexOf(' ');
    }

    @Test
    void aWordWithoutOptionsIsCode() {
        assertThat(at("%timeit gr|")).isEqualTo(new MagicCursor(Role.CODE, offset("%timeit ^gr"), null));
        assertThat(at("%timeit |")).isEqualTo(new MagicCursor(Role.CODE, offset("%timeit ^"), null));
    }

    @Test
    void codeAfterOptionsStartsAtItsFirstToken() {
        assertThat(at("%timeit -r 3 -n 10 gr|"))
                .isEqualTo(new MagicCursor(Role.CODE, offset("%timeit -r 3 -n 10 ^gr"), null));
        assertThat(at("%timeit -r 3 fib(20) + gr|"))
                .isEqualTo(new MagicCursor(Role.CODE, offset("%timeit -r 3 ^fib(20) + gr"), null));
    }

    @Test
    void aDashWordWhereAnOptionCanStandIsAnOptionName() {
        assertThat(at("%timeit -|").role()).isEqualTo(Role.OPTION_NAME);
        assertThat(at("%timeit --bu|")).isEqualTo(new MagicCursor(Role.OPTION_NAME, offset("%timeit ^--bu"), null));
        assertThat(at("%timeit -r 3 -|")).isEqualTo(new MagicCursor(Role.OPTION_NAME, offset("%timeit -r 3 ^-"), null));
        assertThat(at("%lprun -f expensive --ti|").role()).isEqualTo(Role.OPTION_NAME);
    }

    @Test
    void aDashWordInsideTheCodeIsCode() {
        assertThat(at("%timeit x -|")).isEqualTo(new MagicCursor(Role.CODE, offset("%timeit ^x -"), null));
        assertThat(at("%timeit -r 3 a - -|").role()).isEqualTo(Role.CODE);
    }

    @Test
    void afterDoubleDashEverythingIsCode() {
        assertThat(at("%timeit -- -gr|")).isEqualTo(new MagicCursor(Role.CODE, offset("%timeit -- ^-gr"), null));
        assertThat(at("%timeit -r 3 -- |")).isEqualTo(new MagicCursor(Role.CODE, offset("%timeit -r 3 -- ^"), null));
    }

    @Test
    void theWordAfterAnOptionThatTakesAValueIsItsValue() {
        MagicCursor method = at("%lprun -f ex|");
        assertThat(method.role()).isEqualTo(Role.OPTION_VALUE);
        assertThat(method.option().longestName()).isEqualTo("-f");
        assertThat(method.start()).isEqualTo(offset("%lprun -f ^ex"));
        assertThat(at("%lprun -s -f |").option().longestName()).isEqualTo("-f");
        assertThat(at("%timeit -r |").option().longestName()).isEqualTo("-r");
        assertThat(at("%jmh -bm a|").option().longestName()).isEqualTo("-bm");
    }

    @Test
    void theWordAfterAMethodIsTheStatement() {
        assertThat(at("%lprun -f expensive gr|"))
                .isEqualTo(new MagicCursor(Role.CODE, offset("%lprun -f expensive ^gr"), null));
        assertThat(at("%%lprun -f expensive -f grid |"))
                .isEqualTo(new MagicCursor(Role.CODE, offset("%%lprun -f expensive -f grid ^"), null));
    }

    @Test
    void anOptionalValueTakesAPlainWordAsRunningDoes() {
        // picocli binds "%timeit -o r fib(20)" to r: a plain word after -o is its value, not code
        MagicCursor bind = at("%timeit -o gr|");
        assertThat(bind.role()).isEqualTo(Role.OPTION_VALUE);
        assertThat(bind.option().longestName()).isEqualTo("--bind");
        // ... but an option after -o is an option
        assertThat(at("%timeit -o -|").role()).isEqualTo(Role.OPTION_NAME);
    }

    @Test
    void aValueAfterAQuoteStartsInsideIt() {
        MagicCursor label = at("%timeit --label \"a gr|");
        assertThat(label.role()).isEqualTo(Role.OPTION_VALUE);
        assertThat(label.start()).isEqualTo(offset("%timeit --label \"^a gr"));
        MagicCursor mode = at("%jmh -bm \"av|");
        assertThat(mode.role()).isEqualTo(Role.OPTION_VALUE);
        assertThat(mode.option().longestName()).isEqualTo("-bm");
        assertThat(mode.start()).isEqualTo(offset("%jmh -bm \"^av"));
    }

    @Test
    void aClosedQuotedValueIsOneTokenAndTheCodeFollows() {
        assertThat(at("%timeit --label \"a b\" gr|"))
                .isEqualTo(new MagicCursor(Role.CODE, offset("%timeit --label \"a b\" ^gr"), null));
    }

    @Test
    void anAttachedValueStartsAfterTheEqualsSign() {
        MagicCursor label = at("%timeit --label=fa|");
        assertThat(label.role()).isEqualTo(Role.OPTION_VALUE);
        assertThat(label.option().longestName()).isEqualTo("--label");
        assertThat(label.start()).isEqualTo(offset("%timeit --label=^fa"));
    }

    @Test
    void nothingAfterWhatRunningTheLineWouldRefuse() {
        assertThat(at("%timeit -x gr|").role()).isEqualTo(Role.NONE);
        assertThat(at("%timeit -r many gr|").role()).isEqualTo(Role.NONE);
        assertThat(at("%timeit --quiet=1|").role()).isEqualTo(Role.NONE);
    }

    @Test
    void codeStartsWhereRunningTheWholeLineCutsIt() {
        String[] lines = {
            "%timeit -r 3 fib(20)",
            "%timeit -- -x + 1",
            "%lprun -f expensive -s grid(3)",
            "%timeit --label \"a b\" x.y()",
            "%timeit -o r fib(1) + 2",
            "%time x"
        };
        for (String line : lines) {
            int nameEnd = line.indexOf(' ');
            String name = line.substring(1, nameEnd);
            String args = line.substring(nameEnd);
            int cut = CodeStart.parse(registry.commandLine(name).orElseThrow(), args);
            assertThat(at(line + "|")).as(line).isEqualTo(new MagicCursor(Role.CODE, cut, null));
        }
    }
}
