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
%timeit -o listMissing --budget 1 --label "ArrayList.contains(missing), n=1000" list.contains(missing)
%timeit -o setMissing --budget 1 --label "HashSet.contains(missing), n=1000" set.contains(missing)
%timeit -o listMiddle --budget 1 --label "ArrayList.contains(middle), n=1000" list.contains(middle)
%timeit -o setMiddle --budget 1 --label "HashSet.contains(middle), n=1000" set.contains(middle)
System.out.println("Conclusion: n=" + n + ", missing key: " + Perf.faster("HashSet.contains", setMissing, "ArrayList.contains", listMissing) + "; middle key: " + Perf.faster("HashSet.contains", setMiddle, "ArrayList.contains", listMiddle));
