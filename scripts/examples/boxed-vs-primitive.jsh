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
%timeit -o primitive --budget 1 --label "long accumulator, 10000 ints" sumPrimitive(arr)
%timeit -o boxed --budget 1 --label "Long accumulator, 10000 ints" sumBoxed(arr)
%memit -o mPrimitive --label "long accumulator, 10000 ints" sumPrimitive(arr)
%memit -o mBoxed --label "Long accumulator, 10000 ints" sumBoxed(arr)
System.out.println("Conclusion: n=" + arr.length + ": " + Perf.faster("long", primitive, "Long", boxed) + "; allocated per call: Long " + String.format("%,.0f B (%.1f B per element)", mBoxed.allocatedBytesPerOp(), mBoxed.allocatedBytesPerOp() / arr.length) + ", long " + String.format("%,.0f B", mPrimitive.allocatedBytesPerOp()));
