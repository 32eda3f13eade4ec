package dev.perfshell.repl.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
    @Test
    void groupArtifactVersion() throws Exception {
        Coordinates c = Coordinates.parse("com.google.code.gson:gson:2.11.0");
        assertThat(c).isEqualTo(new Coordinates("com.google.code.gson", "gson", "jar", "", "2.11.0"));
        assertThat(c.key()).isEqualTo("com.google.code.gson:gson");
        assertThat(c).hasToString("com.google.code.gson:gson:2.11.0");
    }

    @Test
    void extensionAndClassifierAsAetherWritesThem() throws Exception {
        Coordinates c = Coordinates.parse("org.openjfx:javafx-base:jar:linux:21.0.2");
        assertThat(c).isEqualTo(new Coordinates("org.openjfx", "javafx-base", "jar", "linux", "21.0.2"));
        assertThat(c.key()).isEqualTo("org.openjfx:javafx-base:linux");
        assertThat(c).hasToString("org.openjfx:javafx-base:jar:linux:21.0.2");
        assertThat(Coordinates.parse("g:a:pom:1.0")).hasToString("g:a:pom:1.0");
        assertThat(Coordinates.parse("g:a:1.0-SNAPSHOT+build.1").version()).isEqualTo("1.0-SNAPSHOT+build.1");
    }

    @Test
    void malformedCoordinatesSayWhatIsWrongWithAnExample() {
        assertThatThrownBy(() -> Coordinates.parse("gson"))
                .isInstanceOf(Coordinates.Malformed.class)
                .hasMessage(
                        "'gson' is not a Maven coordinate: expected GROUP:ARTIFACT:VERSION. Example: com.google.code.gson:gson:2.11.0");
        assertThatThrownBy(() -> Coordinates.parse("com.google.code.gson:gson"))
                .hasMessage(
                        "'com.google.code.gson:gson' names no version: expected GROUP:ARTIFACT:VERSION. Example: com.google.code.gson:gson:2.11.0");
        assertThatThrownBy(() -> Coordinates.parse("com.google.code.gson:gson:"))
                .hasMessage(
                        "'com.google.code.gson:gson:' names no version: expected GROUP:ARTIFACT:VERSION. Example: com.google.code.gson:gson:2.11.0");
        assertThatThrownBy(() -> Coordinates.parse(":gson:1.0"))
                .hasMessage("':gson:1.0': empty group id. Example: com.google.code.gson:gson:2.11.0");
        assertThatThrownBy(() -> Coordinates.parse("com/google:gson:1.0"))
                .hasMessage(
                        "'com/google:gson:1.0': bad group id 'com/google' (letters, digits, '.', '-', '_'). Example: com.google.code.gson:gson:2.11.0");
        assertThatThrownBy(() -> Coordinates.parse("a:b:c:d:e:f"))
                .hasMessageStartingWith("'a:b:c:d:e:f' is not a Maven coordinate");
    }

    @Test
    void rangesAndMetaVersionsAreRefusedBecauseABenchmarkNamesWhatItMeasured() {
        for (String version : new String[] {"[2.0,3.0)", "LATEST", "RELEASE"}) {
            assertThatThrownBy(() -> Coordinates.parse("g:a:" + version))
                    .hasMessage("'g:a:" + version + "': '" + version
                            + "' is not one version (ranges, LATEST and RELEASE are not taken)"
                            + ". Next: name the exact version, e.g. com.google.code.gson:gson:2.11.0");
        }
    }
}
