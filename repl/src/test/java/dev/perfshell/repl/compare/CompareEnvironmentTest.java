package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Environment warnings: real differences only, after removing what changes between two runs of one build. */
class CompareEnvironmentTest {
    private static final String RECORD = TestDocuments.record("a", "timeit", "f()", "[1.0, 1.1]", "1.05");

    private static List<String> warnings(String baseEnvironment, String newEnvironment) throws CompareException {
        ResultsFile base = ResultsReader.parse(TestDocuments.document(baseEnvironment, RECORD), "base.json");
        ResultsFile candidate = ResultsReader.parse(TestDocuments.document(newEnvironment, RECORD), "new.json");
        return new Comparer(5, FailOn.REGRESSION).compare(base, candidate).environmentWarnings();
    }

    private static List<String> with(List<String> arguments, String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void twoRunsDifferingOnlyByTheirJdwpPortGiveNoWarning() throws Exception {
        assertThat(warnings(
                        TestDocuments.environment(TestDocuments.engineArguments(60169)),
                        TestDocuments.environment(TestDocuments.engineArguments(41327))))
                .isEmpty();
    }

    @Test
    void perRunValuesAreNormalisedAway() throws Exception {
        List<String> one = with(
                TestDocuments.engineArguments(60169),
                "-XX:SharedArchiveFile=/work/main/repl/target/cds/17/engine.jsa",
                "-Xshare:auto",
                "-Xlog:cds=off,cds+dynamic=off",
                "-Dperfshell.engine.port=40001",
                "-XX:CompileCommandFile=/tmp/perfshell-1234/hints");
        List<String> two = with(
                        TestDocuments.engineArguments(41327),
                        "-Dperfshell.engine.port=40777",
                        "-XX:CompileCommandFile=/tmp/perfshell-9876/hints")
                .stream()
                .map(a -> a.replace("/work/main/", "/home/ci/checkout/"))
                .toList();
        assertThat(warnings(TestDocuments.environment(one), TestDocuments.environment(two)))
                .isEmpty();
    }

    @Test
    void howTheEngineFindsItsShellIsNoDifferenceEvenWhenOneFileHasNone() throws Exception {
        // A results file from a perfshell that passed no pid said "only base.json has -Dperfshell.shell.pid=2989".
        assertThat(warnings(
                        TestDocuments.environment(with(TestDocuments.engineArguments(1), "-Dperfshell.shell.pid=2989")),
                        TestDocuments.environment(TestDocuments.engineArguments(2))))
                .isEmpty();
        assertThat(JvmArguments.normalise(List.of("-Dperfshell.shell.pid=2989", "-Xmx2g")))
                .containsExactly("-Xmx2g");
    }

    @Test
    void normalisedArgumentsKeepWhatMatters() {
        assertThat(JvmArguments.normalise("-agentlib:jdwp=transport=dt_socket,address=localhost:60169"))
                .isEqualTo("-agentlib:jdwp=transport=dt_socket");
        assertThat(JvmArguments.normalise("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0"))
                .isEqualTo("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n");
        assertThat(JvmArguments.normalise("-agentlib:jdwp=address=localhost:1,transport=dt_socket"))
                .isEqualTo("-agentlib:jdwp=transport=dt_socket");
        assertThat(JvmArguments.normalise("-javaagent:/a/b/perfshell-engine.jar"))
                .isEqualTo("-javaagent:perfshell-engine.jar");
        assertThat(JvmArguments.normalise("-javaagent:/a/b/x.jar=/opt/y")).isEqualTo("-javaagent:x.jar=/opt/y");
        assertThat(JvmArguments.normalise("-Xmx2g")).isEqualTo("-Xmx2g");
        assertThat(JvmArguments.normalise(List.of("-Xshare:auto", "-XX:SharedArchiveFile=/x.jsa", "-XX:+UseG1GC")))
                .containsExactly("-XX:+UseG1GC");
    }

    @Test
    void aRealFlagDifferenceIsOneLine() throws Exception {
        assertThat(warnings(
                        TestDocuments.environment(with(TestDocuments.engineArguments(1), "-Xmx2g")),
                        TestDocuments.environment(
                                with(TestDocuments.engineArguments(2), "-Xmx4g", "-XX:+UseParallelGC"))))
                .containsExactly(
                        "engine JVM arguments differ: only base.json has -Xmx2g; only new.json has -Xmx4g -XX:+UseParallelGC");
    }

    @Test
    void eachDifferingFactIsOneWarning() throws Exception {
        String base = TestDocuments.environment(TestDocuments.engineArguments(1));
        String candidate = base.replace("\"17.0.15\"", "\"21.0.5\"")
                .replace("17.0.15+6-Debian-1deb12u1", "21.0.5+11-LTS")
                .replace("2147483648", "4294967296")
                .replace("\"cpus\": 2", "\"cpus\": 8")
                .replace("\"G1 Young Generation\", \"G1 Old Generation\"", "\"ZGC Cycles\", \"ZGC Pauses\"");
        assertThat(warnings(base, candidate))
                .containsExactly(
                        "Java version differs: 17.0.15 in base.json, 21.0.5 in new.json",
                        "VM version differs: 17.0.15+6-Debian-1deb12u1 in base.json, 21.0.5+11-LTS in new.json",
                        "GC differs: G1 Young Generation, G1 Old Generation in base.json, ZGC Cycles, ZGC Pauses in new.json",
                        "max heap differs: 2 GiB in base.json, 4 GiB in new.json",
                        "CPUs differs: 2 in base.json, 8 in new.json");
    }

    @Test
    void factsAFileDoesNotGiveAreNotCompared() throws Exception {
        assertThat(warnings(TestDocuments.environment(TestDocuments.engineArguments(1)), "{}"))
                .isEmpty();
    }
}
