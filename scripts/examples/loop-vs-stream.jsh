// Question: is Arrays.stream(arr).sum() slower than a plain for loop over an int[] of 10,000?
// And what does boxing the stream (boxed().reduce(0, Integer::sum)) cost?
// Note: stream timings depend on what other stream code ran in the same JVM (type profiles);
// %timeit --fresh times in a clean engine if you need that.
// Run: scripts/perfshell run scripts/examples/loop-vs-stream.jsh
import dev.perfshell.timing.runtime.TimeitResult;
int[] arr;
{ arr = Perf.ints(10_000, 42); }
int loopSum(int[] a) { int s = 0; for (int i = 0; i < a.length; i++) s += a[i]; return s; }
List.of(loopSum(arr), Arrays.stream(arr).sum(), Arrays.stream(arr).boxed().reduce(0, Integer::sum))
// A median in ns, scaled for reading: "2.51 ns", "576 ns", "1.23 µs", "4.56 ms".
String t(double ns) { return ns < 999.5 ? String.format("%.3g ns", ns) : ns < 999.5e3 ? String.format("%.3g µs", ns / 1e3) : ns < 999.5e6 ? String.format("%.3g ms", ns / 1e6) : String.format("%.3g s", ns / 1e9); }
// "A is 5.2x faster than B (1.2 µs vs 6.3 µs)": the faster of the two first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s (%s vs %s)" : "%s is %.1fx faster than %s (%s vs %s)", fast, ratio, slow, t(Math.min(x, y)), t(Math.max(x, y)));
}
%timeit -o loop --budget 1 --label "for loop sum, int[10000]" loopSum(arr)
%timeit -o stream --budget 1 --label "Arrays.stream(arr).sum(), int[10000]" Arrays.stream(arr).sum()
%timeit -o boxed --budget 1 --label "Arrays.stream(arr).boxed().reduce, int[10000]" Arrays.stream(arr).boxed().reduce(0, Integer::sum)
System.out.println("Conclusion: n=" + arr.length + ": " + faster("for loop", loop, "IntStream.sum", stream) + "; boxed stream: " + t(boxed.median()) + ", " + String.format("%.1fx", boxed.median() / loop.median()) + " the loop's time");
