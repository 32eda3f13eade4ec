package dev.perfshell.repl.profile;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's location split the way pstats keys its rows, {@code (file, line, name)}: {@code #3:1(fib)} is
 * {@code ("#3", 1, "fib")}. A boundary row ({@code {java.util.HashMap.get}}) is {@code ("~", 0, …)} as pstats
 * files built-ins, so the file and line sorts put boundary rows after the profiled code.
 */
record Location(String file, int line, String name) {
    private static final Pattern FILE_LINE_NAME = Pattern.compile("(.*):(\\d+)\\((.*)\\)");

    /** pstats' order of callers and callees in its call views: file, then line, then name. */
    static final Comparator<String> PSTATS_ORDER = Comparator.comparing(
            Location::parse,
            Comparator.comparing(Location::file)
                    .thenComparingInt(Location::line)
                    .thenComparing(Location::name));

    static Location parse(String location) {
        Matcher m = FILE_LINE_NAME.matcher(location);
        if (m.matches()) {
            try {
                return new Location(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
            } catch (NumberFormatException tooLong) {
                // falls through: treated like a location without a line
            }
        }
        boolean braced = location.startsWith("{") && location.endsWith("}") && location.length() >= 2;
        return new Location("~", 0, braced ? location.substring(1, location.length() - 1) : location);
    }
}
