// Question: how much does memoisation buy for the textbook recursive Fibonacci, fib(25)?
// The naive recursion makes 242,785 calls; the memoised one 49 (a fresh int[] cache per call, so
// no call profits from an earlier one: that is what a one-off call costs); the iterative DP 25 steps.
// Run: scripts/perfshell run scripts/examples/memoised-vs-naive.jsh
import dev.perfshell.timing.runtime.TimeitResult;
int n = 25;
int fib(int k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }
int memo(int k, int[] cache) {
    if (k < 2) return k;
    if (cache[k] != 0) return cache[k];
    return cache[k] = memo(k - 1, cache) + memo(k - 2, cache);
}
int fibMemo(int k) { return memo(k, new int[k + 1]); }
int fibIter(int k) { int a = 0, b = 1; for (int i = 0; i < k; i++) { int s = a + b; a = b; b = s; } return a; }
List.of(fib(n), fibMemo(n), fibIter(n))
// A median in ns, scaled for reading: "2.51 ns", "576 ns", "1.23 µs", "4.56 ms".
String t(double ns) { return ns < 999.5 ? String.format("%.3g ns", ns) : ns < 999.5e3 ? String.format("%.3g µs", ns / 1e3) : ns < 999.5e6 ? String.format("%.3g ms", ns / 1e6) : String.format("%.3g s", ns / 1e9); }
// "A is 5.2x faster than B (1.2 µs vs 6.3 µs)": the faster of the two first, whichever it is (medians).
String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
    double x = ta.median(), y = tb.median();
    String fast = x <= y ? a : b, slow = x <= y ? b : a;
    double ratio = Math.max(x, y) / Math.min(x, y);
    return String.format(ratio >= 10 ? "%s is %.0fx faster than %s (%s vs %s)" : "%s is %.1fx faster than %s (%s vs %s)", fast, ratio, slow, t(Math.min(x, y)), t(Math.max(x, y)));
}
%timeit -o naive --budget 1 --label "naive recursive fib(25)" fib(n)
%timeit -o memoised --budget 1 --label "memoised fib(25), fresh cache per call" fibMemo(n)
%timeit -o iterative --budget 1 --label "iterative fib(25)" fibIter(n)
System.out.println("Conclusion: fib(" + n + "): " + faster("memoised", memoised, "naive", naive) + "; iterative: " + t(iterative.median()));
