package dev.perfshell.profiling.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of one profile, numbered for the probes: woven methods and the boundary callees that
 * woven code calls. Ids are dense (0, 1, 2…), so per-method figures live in plain arrays.
 */
public final class MethodTable {
    /** One numbered method. {@code line} is its first line number, -1 when unknown or a boundary callee. */
    public record Entry(String owner, String name, String descriptor, int line, boolean boundary) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    synchronized int id(String owner, String name, String descriptor, int line, boolean boundary) {
        String key = (boundary ? "B " : "M ") + owner + '.' + name + descriptor;
        Integer id = ids.get(key);
        if (id != null) return id;
        entries.add(new Entry(owner, name, descriptor, line, boundary));
        ids.put(key, entries.size() - 1);
        return entries.size() - 1;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized Entry get(int id) {
        return entries.get(id);
    }
}
