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
// "A is 284x faster than B": the faster of the two named first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s" : "%s is %.1fx faster than %s", fast, ratio, slow);
}
%timeit -q -o listMissing --budget 1 --label "ArrayList.contains(missing), n=1000" list.contains(missing)
%timeit -q -o setMissing --budget 1 --label "HashSet.contains(missing), n=1000" set.contains(missing)
%timeit -q -o listMiddle --budget 1 --label "ArrayList.contains(middle), n=1000" list.contains(middle)
%timeit -q -o setMiddle --budget 1 --label "HashSet.contains(middle), n=1000" set.contains(middle)
System.out.println(String.format("Conclusion: n=%d, missing key: %s (%.3g ns vs %.3g ns); middle key: %s (%.3g ns vs %.3g ns)", n, faster("HashSet.contains", setMissing, "ArrayList.contains", listMissing), setMissing.median(), listMissing.median(), faster("HashSet.contains", setMiddle, "ArrayList.contains", listMiddle), setMiddle.median(), listMiddle.median()));
