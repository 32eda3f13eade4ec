package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.maven.ArtifactResolver;
import dev.perfshell.repl.maven.Coordinates;
import dev.perfshell.repl.maven.MavenConfig;
import dev.perfshell.repl.script.MagicArgs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %maven G:A:V...}: resolves artifacts and their runtime dependencies (Maven Resolver, into the user's
 * local Maven repository) and adds the jars as {@code %classpath add} does, so they survive engine restarts and
 * reach {@code --fresh} and {@code %jmh}.
 */
@Command(
        name = "maven",
        description =
                "Add Maven artifacts and their runtime dependencies to the class path: %%maven GROUP:ARTIFACT:VERSION...",
        footer = {
            "",
            "Jars are cached in the local Maven repository (~/.m2/repository, or settings.xml's localRepository, or $PERFSHELL_MAVEN_LOCAL); what is cached resolves without network.",
            "",
            "With no coordinates: list what %%maven added in this session. In a script: //DEPS G:A:V."
        })
final class MavenMagic extends BaseMagic {
    @Parameters(
            paramLabel = "GROUP:ARTIFACT:VERSION...",
            arity = "0..*",
            hideParamSyntax = true,
            description = "The artifacts to resolve and add.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--offline", description = "Use only the local repository: no network.")
    boolean offline;

    @Override
    public boolean run(MagicContext context, MagicInput input) {
        Console console = context.console();
        List<String> words = MagicArgs.words(input.code());
        if (words.isEmpty()) {
            list(context, console);
            return true;
        }
        List<Coordinates> requested = new ArrayList<>();
        for (String word : words) {
            try {
                requested.add(Coordinates.parse(word));
            } catch (Coordinates.Malformed malformed) {
                console.error("%maven: " + malformed.getMessage());
                return false;
            }
        }
        MavenConfig config = MavenConfig.of(context.env(), Path.of(System.getProperty("user.home")));
        return context.session()
                .maven()
                .add(
                        "%maven",
                        requested,
                        offline,
                        config,
                        console,
                        jar -> context.session().addClassPath(jar.toString()));
    }

    private static void list(MagicContext context, Console console) {
        List<ArtifactResolver.Resolved> added = context.session().maven().added();
        if (added.isEmpty()) {
            console.println(
                    "No artifacts added by %maven in this session. Example: %maven com.google.code.gson:gson:2.11.0");
            return;
        }
        console.println(
                "Added by %maven in this session (" + added.size() + (added.size() == 1 ? " jar" : " jars") + "):");
        int width = added.stream()
                .mapToInt(r -> r.coordinates().toString().length())
                .max()
                .orElse(0);
        for (ArtifactResolver.Resolved r : added) {
            String name = r.coordinates().toString();
            console.println("  " + name + " ".repeat(width - name.length()) + "  " + r.file());
        }
    }
}
