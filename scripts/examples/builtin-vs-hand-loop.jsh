// Question: is the JDK's built-in copy faster than a hand-written loop over an int[] of 10,000?
// System.arraycopy is an intrinsic (a tuned, vectorised copy); C2 also turns a simple copy loop into
// vectorised code, so the gap is small or none on some machines and large on others. Summing shows
// the other side: a hand loop against IntStream.sum, the "built-in" that is not an intrinsic.
// Run: scripts/perfshell run scripts/examples/builtin-vs-hand-loop.jsh
import dev.perfshell.timing.runtime.TimeitResult;
int[] src = Perf.ints(10_000, 42);
int[] dst = new int[src.length];
void handCopy(int[] from, int[] to) { for (int i = 0; i < from.length; i++) to[i] = from[i]; }
{ handCopy(src, dst); System.out.println("copies equal: " + Arrays.equals(src, dst)); }
%timeit -o builtin --budget 1 --label "System.arraycopy, int[10000]" System.arraycopy(src, 0, dst, 0, src.length)
%timeit -o hand --budget 1 --label "hand-written copy loop, int[10000]" handCopy(src, dst)
System.out.println("Conclusion: copying 10000 ints: " + Perf.faster("System.arraycopy", builtin, "the hand loop", hand));
