// Question: how much faster is a StringBuilder than s += part in a loop, for 200 parts of 8 chars?
// Each += copies the whole string built so far into a new one (O(n^2) chars copied: ~160,000 here);
// the StringBuilder appends in place and grows its buffer by doubling (O(n)).
// Run: scripts/perfshell run scripts/examples/stringbuilder-vs-concat.jsh
import dev.perfshell.timing.runtime.TimeitResult;
String[] parts;
{ parts = Perf.strings(200, 8, 42); }
String concat(String[] p) { String s = ""; for (String x : p) s += x; return s; }
String builder(String[] p) { StringBuilder sb = new StringBuilder(); for (String x : p) sb.append(x); return sb.toString(); }
concat(parts).equals(builder(parts)) && builder(parts).length() == 1600
// A median in ns, scaled for reading: "2.51 ns", "576 ns", "1.23 µs", "4.56 ms".
String t(double ns) { return ns < 999.5 ? String.format("%.3g ns", ns) : ns < 999.5e3 ? String.format("%.3g µs", ns / 1e3) : ns < 999.5e6 ? String.format("%.3g ms", ns / 1e6) : String.format("%.3g s", ns / 1e9); }
// "A is 5.2x faster than B (1.2 µs vs 6.3 µs)": the faster of the two first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s (%s vs %s)" : "%s is %.1fx faster than %s (%s vs %s)", fast, ratio, slow, t(Math.min(x, y)), t(Math.max(x, y)));
}
%timeit -o plus --budget 1 --label "s += part, 200 parts" concat(parts)
%timeit -o sb --budget 1 --label "StringBuilder.append, 200 parts" builder(parts)
System.out.println("Conclusion: " + parts.length + " parts: " + faster("StringBuilder", sb, "+= concatenation", plus));
