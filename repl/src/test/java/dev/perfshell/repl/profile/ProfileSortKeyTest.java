package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.profile.Profile.MethodStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileSortKeyTest {

    /**
     * Every prefix of every key, with the order Python 3.11.7's pstats gives it ({@code get_sort_arg_defs()},
     * printed on this machine), or null where pstats raises KeyError.
     */
    private static final String PSTATS_PREFIXES = """
            c REJECTED|ca call count|cal call count|call call count|calls call count|cu cumulative time|cum REJECTED|
            cumt cumulative time|cumti cumulative time|cumtim cumulative time|cumtime cumulative time|cumu cumulative time|
            cumul cumulative time|cumula cumulative time|cumulat cumulative time|cumulati cumulative time|
            cumulativ cumulative time|cumulative cumulative time|f file name|fi file name|fil file name|file file name|
            filen file name|filena file name|filenam file name|filename file name|l line number|li line number|
            lin line number|line line number|m file name|mo file name|mod file name|modu file name|modul file name|
            module file name|n REJECTED|na function name|nam function name|name function name|nc call count|
            nca call count|ncal call count|ncall call count|ncalls call count|nf name/file/line|nfl name/file/line|
            p primitive call count|pc primitive call count|pca primitive call count|pcal primitive call count|
            pcall primitive call count|pcalls primitive call count|s standard name|st standard name|std standard name|
            stdn standard name|stdna standard name|stdnam standard name|stdname standard name|t REJECTED|
            ti internal time|tim internal time|time internal time|to internal time|tot internal time|
            tott internal time|totti internal time|tottim internal time|tottime internal time""";

    @Test
    void everyPrefixAsPstatsExceptCumAndTWhichMeanOneOrder() {
        Map<String, String> pstats = new LinkedHashMap<>();
        for (String entry : PSTATS_PREFIXES.replace("\n", "").split("\\|")) {
            int space = entry.indexOf(' ');
            pstats.put(entry.substring(0, space), entry.substring(space + 1));
        }
        assertThat(pstats).hasSize(70);
        // pstats rejects these because two names share them, though both names mean the same order
        pstats.put("cum", "cumulative time");
        pstats.put("t", "internal time");
        for (Map.Entry<String, String> e : pstats.entrySet()) {
            if (e.getValue().equals("REJECTED")) {
                assertThatThrownBy(() -> SortKey.parse(e.getKey()))
                        .as(e.getKey())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("-s " + e.getKey() + ": ambiguous sort key");
            } else {
                assertThat(SortKey.orderedBy(List.of(SortKey.parse(e.getKey()))))
                        .as(e.getKey())
                        .isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void everyNameParsesToItsOrder() {
        assertThat(SortKey.allNames())
                .containsExactly(
                        "calls",
                        "cumtime",
                        "cumulative",
                        "filename",
                        "line",
                        "module",
                        "name",
                        "ncalls",
                        "nfl",
                        "pcalls",
                        "stdname",
                        "time",
                        "tottime");
        assertThat(SortKey.parse("calls")).isSameAs(SortKey.CALLS);
        assertThat(SortKey.parse("ncalls")).isSameAs(SortKey.CALLS);
        assertThat(SortKey.parse("cumulative")).isSameAs(SortKey.CUMULATIVE);
        assertThat(SortKey.parse("cumtime")).isSameAs(SortKey.CUMULATIVE);
        assertThat(SortKey.parse("filename")).isSameAs(SortKey.FILENAME);
        assertThat(SortKey.parse("module")).isSameAs(SortKey.FILENAME);
        assertThat(SortKey.parse("line")).isSameAs(SortKey.LINE);
        assertThat(SortKey.parse("name")).isSameAs(SortKey.NAME);
        assertThat(SortKey.parse("nfl")).isSameAs(SortKey.NFL);
        assertThat(SortKey.parse("pcalls")).isSameAs(SortKey.PCALLS);
        assertThat(SortKey.parse("stdname")).isSameAs(SortKey.STDNAME);
        assertThat(SortKey.parse("time")).isSameAs(SortKey.TIME);
        assertThat(SortKey.parse("tottime")).isSameAs(SortKey.TIME);
        assertThat(SortKey.parse("tot")).isSameAs(SortKey.TIME);
    }

    @Test
    void badKeyMessageNamesItAndTheValidKeys() {
        assertThatThrownBy(() -> SortKey.parse("Time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "-s Time: unknown sort key; valid keys: calls, cumtime, cumulative, filename, line, module, name, "
                                + "ncalls, nfl, pcalls, stdname, time, tottime (or a unique prefix)");
        assertThatThrownBy(() -> SortKey.parse("")).hasMessageStartingWith("-s : unknown sort key; valid keys: calls,");
    }

    @Test
    void ambiguousPrefixNamesTheKeysItStarts() {
        assertThatThrownBy(() -> SortKey.parse("n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "-s n: ambiguous sort key, it starts name, ncalls, nfl; valid keys: calls, cumtime, cumulative, "
                                + "filename, line, module, name, ncalls, nfl, pcalls, stdname, time, tottime");
        assertThatThrownBy(() -> SortKey.parse("c"))
                .hasMessageStartingWith("-s c: ambiguous sort key, it starts calls, cumtime, cumulative;");
    }

    @Test
    void orderedByJoinsDescriptionsAsPstats() {
        assertThat(SortKey.orderedBy(List.of(SortKey.CUMULATIVE, SortKey.CALLS, SortKey.PCALLS)))
                .isEqualTo("cumulative time, call count, primitive call count");
        assertThat(SortKey.orderedBy(List.of(
                        SortKey.NAME, SortKey.FILENAME, SortKey.LINE, SortKey.NFL, SortKey.STDNAME, SortKey.TIME)))
                .isEqualTo("function name, file name, line number, name/file/line, standard name, internal time");
    }

    @Test
    void eachKeySortsItsColumnInPstatsDirection() {
        // a: file B.java line 9; b: file A.java line 20; c: boundary ("~", line 0: after every file, before every line)
        MethodStats a = new MethodStats("a", "zeta()", "B.java:9(zeta)", false, 10, 1, 300, 900);
        MethodStats b = new MethodStats("b", "alpha()", "A.java:20(alpha)", false, 5, 5, 700, 800);
        MethodStats c = new MethodStats("c", "java.util.Map.get(Object)", "{java.util.Map.get}", true, 20, 3, 100, 100);
        assertThat(sorted(List.of(SortKey.CALLS), a, b, c)).isEqualTo("cab");
        assertThat(sorted(List.of(SortKey.PCALLS), a, b, c)).isEqualTo("bca");
        assertThat(sorted(List.of(SortKey.TIME), a, b, c)).isEqualTo("bac");
        assertThat(sorted(List.of(SortKey.CUMULATIVE), a, b, c)).isEqualTo("abc");
        assertThat(sorted(List.of(SortKey.NAME), a, b, c)).isEqualTo("bca");
        assertThat(sorted(List.of(SortKey.FILENAME), a, b, c)).isEqualTo("bac");
        assertThat(sorted(List.of(SortKey.LINE), a, b, c)).isEqualTo("cab");
        assertThat(sorted(List.of(SortKey.NFL), a, b, c)).isEqualTo("bca");
        assertThat(sorted(List.of(SortKey.STDNAME), a, b, c)).isEqualTo("bac");
    }

    @Test
    void secondaryKeysBreakTiesAndLocationBreaksTheRest() {
        MethodStats a = new MethodStats("a", "a()", "#2:1(a)", false, 3, 3, 50, 90);
        MethodStats b = new MethodStats("b", "b()", "#1:1(b)", false, 3, 3, 50, 80);
        MethodStats c = new MethodStats("c", "c()", "#3:1(c)", false, 3, 3, 60, 70);
        assertThat(sorted(List.of(SortKey.CALLS, SortKey.TIME), a, b, c)).isEqualTo("cba");
        assertThat(sorted(List.of(SortKey.CALLS, SortKey.TIME, SortKey.CUMULATIVE), a, b, c))
                .isEqualTo("cab");
        assertThat(sorted(List.of(SortKey.CALLS), a, b, c)).isEqualTo("bac");
    }

    @Test
    void noKeysIsAnError() {
        assertThatThrownBy(() -> SortKey.comparator(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortKey.orderedBy(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sorted(List<SortKey> keys, MethodStats... rows) {
        List<MethodStats> list = new ArrayList<>(List.of(rows));
        list.sort(SortKey.comparator(keys));
        StringBuilder out = new StringBuilder();
        for (MethodStats m : list) out.append(m.key());
        return out.toString();
    }
}
