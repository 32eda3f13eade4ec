package dev.perfshell.profiling.probe;

import java.util.ArrayList;
import java.util.List;

/** The methods chosen for %lprun/%mprun, numbered for the line probes, each with its range of class-file lines. */
final class LineTable {
    /** One chosen method; its lines are {@code firstLine..lastLine} of its class file (-1 when it has no line table). */
    record Entry(String owner, String name, String descriptor, int firstLine, int lastLine) {
        int span() {
            return firstLine < 0 ? 1 : lastLine - firstLine + 1;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized int add(String owner, String name, String descriptor, int firstLine, int lastLine) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.owner().equals(owner)
                    && e.name().equals(name)
                    && e.descriptor().equals(descriptor)) return i;
        }
        entries.add(new Entry(owner, name, descriptor, firstLine, lastLine));
        return entries.size() - 1;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized Entry get(int id) {
        return entries.get(id);
    }
}
