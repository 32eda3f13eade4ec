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
%timeit -o naive --budget 1 --label "naive recursive fib(25)" fib(n)
%timeit -o memoised --budget 1 --label "memoised fib(25), fresh cache per call" fibMemo(n)
%timeit -o iterative --budget 1 --label "iterative fib(25)" fibIter(n)
System.out.println("Conclusion: fib(" + n + "): " + Perf.faster("memoised", memoised, "naive", naive) + "; iterative: " + Perf.time(iterative.median()));
