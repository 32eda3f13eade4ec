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
%timeit -o loop --budget 1 --label "for loop sum, int[10000]" loopSum(arr)
%timeit -o stream --budget 1 --label "Arrays.stream(arr).sum(), int[10000]" Arrays.stream(arr).sum()
%timeit -o boxed --budget 1 --label "Arrays.stream(arr).boxed().reduce, int[10000]" Arrays.stream(arr).boxed().reduce(0, Integer::sum)
System.out.println("Conclusion: n=" + arr.length + ": " + Perf.faster("for loop", loop, "IntStream.sum", stream) + "; boxed stream: " + Perf.time(boxed.median()) + ", " + String.format("%.1fx", boxed.median() / loop.median()) + " the loop's time");
