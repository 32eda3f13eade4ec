package dev.perfshell.repl;

import dev.perfshell.repl.kernel.KernelServer;
import dev.perfshell.repl.kernel.KernelSpecs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perfshell kernel}: perfshell in Jupyter (install the kernel spec, remove it, or serve a notebook). */
@Command(
        name = "kernel",
        mixinStandardHelpOptions = true,
        description = "perfshell as a Jupyter kernel: 'install' writes the kernel spec, 'uninstall' removes it; Jupyter"
                + " runs 'kernel run CONNECTION_FILE' itself.",
        subcommands = {KernelCommand.Install.class, KernelCommand.Uninstall.class, KernelCommand.Run.class})
final class KernelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code perfshell kernel} alone: one line saying what it takes, not the whole usage. */
    @Override
    public Integer call() {
        main(spec)
                .err
                .println("perfshell kernel: say what to do: install or uninstall (Jupyter itself calls run)."
                        + " Next: perfshell kernel install, or perfshell kernel --help");
        return Main.USAGE;
    }

    /** Where a spec goes: {@code --user} (the default), {@code --sys-prefix} or {@code --prefix DIR}. */
    static final class Location {
        @Option(names = "--user", description = "The user's Jupyter data folder (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "python3's sys.prefix (the active virtual environment).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "DIR/share/jupyter/kernels.")
        Path prefix;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "perfshell", description = "The kernel's name.")
        String name;

        Path folder(Main main) throws java.io.IOException {
            return KernelSpecs.folder(main.env, prefix, sysPrefix, name);
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true, description = "Write the kernel spec (kernel.json).")
    static final class Install implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Main main = main(spec);
            main.spec(); // a bad --class-path or --engine-jdk is said now, not when the notebook starts
            Path folder = location.folder(main);
            Path file;
            try {
                file = KernelSpecs.install(
                        folder, KernelSpecs.launcher(), main.shellOptions(), "perfshell (Java)", main.env);
            } catch (java.io.IOException e) {
                throw new java.io.IOException("cannot write the kernel spec to " + folder + " (" + e
                        + "). Next: a writable --prefix DIR, or --user");
            }
            main.out.println("Installed the perfshell kernel: " + file);
            // Jupyter searches a --prefix folder only when told (JUPYTER_PATH, or that prefix's own Jupyter)
            String list = location.prefix == null
                    ? "jupyter kernelspec list"
                    : "JUPYTER_PATH=" + folder.getParent().getParent() + " jupyter kernelspec list";
            main.out.println("Next: " + list + " shows it; pick \"perfshell (Java)\" in a notebook.");
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the kernel spec.")
    static final class Uninstall implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Main main = main(spec);
            Path folder = location.folder(main);
            if (!KernelSpecs.uninstall(folder)) {
                main.err.println("perfshell: no perfshell kernel spec at " + folder
                        + ". Next: --name, --prefix or --sys-prefix as it was installed (jupyter kernelspec list).");
                return Main.USAGE;
            }
            main.out.println("Removed " + folder);
            return 0;
        }
    }

    @Command(name = "run", description = "Serve Jupyter on CONNECTION_FILE (Jupyter starts this itself).")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "CONNECTION_FILE", description = "The connection file Jupyter wrote.")
        Path connectionFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Main main = main(spec);
            KernelServer.run(connectionFile, main.spec(), main.env);
            return 0;
        }
    }

    /** The top command, whose options (class path, engine options, engine JDK) every subcommand inherits. */
    private static Main main(CommandLine.Model.CommandSpec spec) {
        CommandLine.Model.CommandSpec top = spec;
        while (top.parent() != null) top = top.parent();
        return (Main) top.userObject();
    }
}
