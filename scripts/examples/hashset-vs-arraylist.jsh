// Question: how much faster is HashSet.contains than ArrayList.contains for n = 1000 Integers?
// ArrayList.contains scans with equals() (O(n): all 1000 elements for a missing key, 501 for the
// key in the middle); HashSet.contains hashes the key and checks one bucket (O(1)).
// Run: scripts/perfshell run scripts/examples/hashset-vs-arraylist.jsh
import dev.perfshell.timing.runtime.TimeitResult;
int n = 1000;
List<Integer> list = new ArrayList<>();
Set<Integer> set = new HashSet<>();
{ for (int v : Perf.ints(n, 42)) list.add(v); set.addAll(list); }
Integer middle = list.get(n / 2);
Integer missing = 0;
{ while (set.contains(missing)) missing++; }
// A median in ns, scaled for reading: "2.51 ns", "576 ns", "1.23 µs", "4.56 ms".
String t(double ns) { return ns < 999.5 ? String.format("%.3g ns", ns) : ns < 999.5e3 ? String.format("%.3g µs", ns / 1e3) : ns < 999.5e6 ? String.format("%.3g ms", ns / 1e6) : String.format("%.3g s", ns / 1e9); }
// "A is 5.2x faster than B (1.2 µs vs 6.3 µs)": the faster of the two first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s (%s vs %s)" : "%s is %.1fx faster than %s (%s vs %s)", fast, ratio, slow, t(Math.min(x, y)), t(Math.max(x, y)));
}
%timeit -o listMissing --budget 1 --label "ArrayList.contains(missing), n=1000" list.contains(missing)
%timeit -o setMissing --budget 1 --label "HashSet.contains(missing), n=1000" set.contains(missing)
%timeit -o listMiddle --budget 1 --label "ArrayList.contains(middle), n=1000" list.contains(middle)
%timeit -o setMiddle --budget 1 --label "HashSet.contains(middle), n=1000" set.contains(middle)
System.out.println("Conclusion: n=" + n + ", missing key: " + faster("HashSet.contains", setMissing, "ArrayList.contains", listMissing) + "; middle key: " + faster("HashSet.contains", setMiddle, "ArrayList.contains", listMiddle));
