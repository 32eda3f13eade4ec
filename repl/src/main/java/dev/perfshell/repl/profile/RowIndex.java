package dev.perfshell.repl.profile;

import dev.perfshell.repl.profile.Profile.MethodStats;
import java.util.HashMap;
import java.util.Map;

/** A profile's rows by key, for following its edges, which name rows by key. */
final class RowIndex {
    private final Map<String, MethodStats> byKey = new HashMap<>();

    RowIndex(Profile profile) {
        for (MethodStats m : profile.methods()) byKey.put(m.key(), m);
    }

    /** @throws IllegalArgumentException when no row has that key: the profile is inconsistent */
    MethodStats row(String key) {
        MethodStats m = byKey.get(key);
        if (m == null)
            throw new IllegalArgumentException("a call edge names row " + key + ", which the profile doesn't have");
        return m;
    }
}
