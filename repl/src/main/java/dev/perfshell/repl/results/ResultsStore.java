package dev.perfshell.repl.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The session's results, in the order they were measured; numbered from 1 for {@code %results}. */
public final class ResultsStore {
    private final List<ResultRecord> records = new ArrayList<>();

    public synchronized void add(ResultRecord record) {
        records.add(java.util.Objects.requireNonNull(record, "record"));
    }

    public synchronized List<ResultRecord> all() {
        return List.copyOf(records);
    }

    /** The result numbered {@code number} (from 1). */
    public synchronized Optional<ResultRecord> get(int number) {
        return number >= 1 && number <= records.size() ? Optional.of(records.get(number - 1)) : Optional.empty();
    }

    public synchronized int size() {
        return records.size();
    }

    /** @return how many results were dropped */
    public synchronized int clear() {
        int count = records.size();
        records.clear();
        return count;
    }
}
