package dev.perfshell.repl.magic;

/**
 * A code magic whose cell form takes setup on its first line, as IPython's {@code %%timeit} does:
 * {@code %%timeit int[] a = Perf.ints(1000, 1);} then the code to measure on the lines below.
 */
public abstract class SetupCellMagic extends CodeMagic {
    @Override
    public boolean acceptsCell() {
        return true;
    }

    @Override
    public boolean cellHasSetupLine() {
        return true;
    }
}
