// Question: what does summing into a Long instead of a long cost, over 10,000 ints?
// Long s += v unboxes, adds and boxes again (Long.valueOf: a new 16-byte Long outside -128..127)
// on every element. %timeit gives the time; %memit's per-operation allocation gives the garbage.
// Run: scripts/perfshell run scripts/examples/boxed-vs-primitive.jsh
import dev.perfshell.timing.runtime.TimeitResult;
int[] arr;
{ arr = Perf.ints(10_000, 42); }
long sumPrimitive(int[] a) { long s = 0; for (int v : a) s += v; return s; }
long sumBoxed(int[] a) { Long s = 0L; for (int v : a) s += v; return s; }
List.of(sumPrimitive(arr), sumBoxed(arr))
// A median in ns, scaled for reading: "2.51 ns", "576 ns", "1.23 µs", "4.56 ms".
String t(double ns) { return ns < 999.5 ? String.format("%.3g ns", ns) : ns < 999.5e3 ? String.format("%.3g µs", ns / 1e3) : ns < 999.5e6 ? String.format("%.3g ms", ns / 1e6) : String.format("%.3g s", ns / 1e9); }
// "A is 5.2x faster than B (1.2 µs vs 6.3 µs)": the faster of the two first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s (%s vs %s)" : "%s is %.1fx faster than %s (%s vs %s)", fast, ratio, slow, t(Math.min(x, y)), t(Math.max(x, y)));
}
%timeit -o primitive --budget 1 --label "long accumulator, 10000 ints" sumPrimitive(arr)
%timeit -o boxed --budget 1 --label "Long accumulator, 10000 ints" sumBoxed(arr)
%memit -o mPrimitive --label "long accumulator, 10000 ints" sumPrimitive(arr)
%memit -o mBoxed --label "Long accumulator, 10000 ints" sumBoxed(arr)
System.out.println("Conclusion: n=" + arr.length + ": " + faster("long", primitive, "Long", boxed) + "; allocated per call: Long " + String.format("%,.0f B (%.1f B per element)", mBoxed.allocatedBytesPerOp(), mBoxed.allocatedBytesPerOp() / arr.length) + ", long " + String.format("%,.0f B", mPrimitive.allocatedBytesPerOp()));
