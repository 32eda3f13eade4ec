// Question: what does building the whole list cost when only the first match is needed?
// A lazy stream pulls elements one at a time and stops at the first square above 1,000 (the 33rd
// element); collecting to a list first squares and boxes all 100,000 numbers, then searches.
// This is the Java form of a generator against a materialised list.
// Run: scripts/perfshell run scripts/examples/lazy-vs-materialised.jsh
import dev.perfshell.timing.runtime.TimeitResult;
import java.util.stream.*;
int n = 100_000;
int lazyFirst() { return IntStream.range(0, n).map(i -> i * i).filter(v -> v > 1000).findFirst().orElse(-1); }
int materialisedFirst() {
    List<Integer> squares = IntStream.range(0, n).map(i -> i * i).boxed().collect(Collectors.toList());
    for (int v : squares) if (v > 1000) return v;
    return -1;
}
List.of(lazyFirst(), materialisedFirst())
%timeit -o lazy --budget 1 --label "lazy stream, first square > 1000 of 100000" lazyFirst()
%timeit -o eager --budget 1 --label "materialised list, first square > 1000 of 100000" materialisedFirst()
System.out.println("Conclusion: first square above 1000 of " + n + ": " + Perf.faster("the lazy stream", lazy, "the materialised list", eager));
