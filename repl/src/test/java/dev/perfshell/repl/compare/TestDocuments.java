package dev.perfshell.repl.compare;

import java.util.List;

/** Small {@code perfshell-results/1} documents written inline, for cases the fixtures do not cover. */
final class TestDocuments {
    private TestDocuments() {}

    static final String ENVIRONMENT = """
            {
                "javaVersion": "17.0.15",
                "vmName": "OpenJDK 64-Bit Server VM",
                "vmVersion": "17.0.15+6-Debian-1deb12u1",
                "engineJvmArguments": [ARGS],
                "gc": ["G1 Young Generation", "G1 Old Generation"],
                "maxHeapBytes": 2147483648,
                "os": "Linux 6.1.0 amd64",
                "cpuModel": "AMD EPYC",
                "cpus": 2
              }""";

    /** The engine arguments of a real run (README's example) with JDWP on {@code port}. */
    static List<String> engineArguments(int port) {
        return List.of(
                "-agentlib:jdwp=transport=dt_socket,address=localhost:" + port,
                "-javaagent:/work/main/repl/target/lib/perfshell-engine.jar",
                "-Dfile.encoding=UTF-8",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompileCommand=quiet");
    }

    static String environment(List<String> arguments) {
        StringBuilder json = new StringBuilder();
        for (String argument : arguments) {
            if (json.length() > 0) json.append(", ");
            json.append('"')
                    .append(argument.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return ENVIRONMENT.replace("ARGS", json);
    }

    static String record(String label, String magic, String source, String samples, String center) {
        return """
                {"magic": "%s", "label": %s, "source": "%s", "params": {}, "script": null, "line": 1, "warnings": [],
                 "metric": {"name": "time", "unit": "ns/op", "direction": "lower", "samples": %s, "center": %s,
                            "ciLow": null, "ciHigh": null}}""".formatted(magic, label == null ? "null" : '"' + label + '"', source, samples, center);
    }

    static String results(String... records) {
        return document(environment(engineArguments(40000)), records);
    }

    static String document(String environment, String... records) {
        return "{\"schema\": \"perfshell-results/1\", \"tool\": {\"name\": \"perfshell\", \"version\": \"0.1.0-test\"},\n"
                + " \"environment\": " + environment + ",\n \"results\": [" + String.join(",\n", records) + "]}\n";
    }
}
