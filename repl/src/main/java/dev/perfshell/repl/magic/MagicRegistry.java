package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every magic, in one place; this order is {@code %lsmagic}'s order.
 */
public final class MagicRegistry {
    static final int USAGE_WIDTH = 80;

    private final Map<String, Supplier<Magic>> magics = new LinkedHashMap<>();

    public static MagicRegistry standard() {
        MagicRegistry registry = new MagicRegistry();
        registry.add(TimeitMagic::new);
        registry.add(WhyMagic::new);
        registry.add(TimeMagic::new);
        registry.add(PrunMagic::new);
        registry.add(LprunMagic::new);
        registry.add(MprunMagic::new);
        registry.add(MemitMagic::new);
        registry.add(SizeofMagic::new);
        registry.add(EnvMagic::new);
        registry.add(ClasspathMagic::new);
        registry.add(WhoMagic::new);
        registry.add(HistoryMagic::new);
        registry.add(ResetMagic::new);
        registry.add(LsmagicMagic::new);
        registry.add(HelpMagic::new);
        registry.add(ResultsMagic::new);
        registry.add(RunMagic::new);
        registry.add(LoadMagic::new);
        registry.add(SaveMagic::new);
        registry.add(FlameMagic::new);
        registry.add(JmhMagic::new);
        registry.add(CompareMagic::new);
        registry.add(MavenMagic::new);
        return registry;
    }

    void add(Supplier<Magic> factory) {
        magics.put(nameOf(factory.get()), factory);
    }

    private static String nameOf(Magic magic) {
        Command command = magic.getClass().getAnnotation(Command.class);
        if (command == null) throw new IllegalArgumentException(magic.getClass() + " lacks @Command");
        return command.name();
    }

    public List<String> names() {
        return List.copyOf(magics.keySet());
    }

    public Optional<Magic> create(String name) {
        Supplier<Magic> factory = magics.get(name);
        return factory == null ? Optional.empty() : Optional.of(factory.get());
    }

    /** A picocli model of the magic, for usage, help and option completion. */
    public Optional<CommandLine> commandLine(String name) {
        return create(name).map(MagicRegistry::commandLineOf);
    }

    static CommandLine commandLineOf(Magic magic) {
        CommandLine line = new CommandLine(magic);
        for (String name : magic.optionsNotTaken())
            line.getCommandSpec().remove(line.getCommandSpec().findOption(name));
        line.setCommandName("%" + line.getCommandName());
        // A fixed width, not the terminal's: %help, --help and the pages in docs/magics print one text.
        line.setUsageHelpWidth(USAGE_WIDTH);
        line.setUsageHelpAutoWidth(false);
        line.setStopAtPositional(true); // options lead; everything after is code
        line.setExpandAtFiles(false); // "@" starts Java annotations, not argument files
        line.setPosixClusteredShortOptionsAllowed(false);
        if (magic.acceptsCell()) {
            String cell = "  or: %" + line.getCommandName() + " [OPTIONS]"
                    + (magic.cellHasSetupLine() ? " [SETUP]" : "") + System.lineSeparator()
                    + "      CODE (the cell's following lines)" + System.lineSeparator();
            line.getHelpSectionMap()
                    .put(
                            CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                            help -> help.synopsis(help.synopsisHeadingLength()) + cell);
        }
        return line;
    }

    /** A magic's usage, as {@code %help NAME}, {@code %NAME --help} and its page in docs/magics show it. */
    public Optional<String> usage(String name, boolean color) {
        return commandLine(name).map(line -> usageOf(line, color));
    }

    static String usageOf(CommandLine line, boolean color) {
        return line.getUsageMessage(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF)
                .stripTrailing();
    }

    /** One-line description of a magic, from its {@code @Command}. */
    public String summary(String name) {
        return create(name)
                .map(m -> {
                    String[] description =
                            m.getClass().getAnnotation(Command.class).description();
                    // picocli formats descriptions, so a literal % is written %% there
                    return description.length == 0 ? "" : description[0].replace("%%", "%");
                })
                .orElse("");
    }

    /** "Did you mean" candidates: names within two edits, or sharing the typed prefix. */
    public List<String> suggestions(String typed) {
        List<String> close = new ArrayList<>();
        for (String name : magics.keySet()) {
            if (EditDistance.of(typed, name) <= 2 || (!typed.isEmpty() && name.startsWith(typed))) close.add(name);
        }
        close.sort(Comparator.comparingInt(name -> EditDistance.of(typed, name)));
        return close;
    }
}
