// Question: how much faster is a StringBuilder than s += part in a loop, for 200 parts of 8 chars?
// Each += copies the whole string built so far into a new one (O(n^2) chars copied: ~160,000 here);
// the StringBuilder appends in place and grows its buffer by doubling (O(n)).
// Run: scripts/perfshell run scripts/examples/stringbuilder-vs-concat.jsh
// Both allocate hundreds of MiB a second: on a heap still growing, the runs that first touch its memory read up to
// 13x slower (%timeit's heap-growing finding), and which snippet meets them decides the verdict. A fixed,
// pre-touched heap, as that finding advises, keeps the comparison about the code.
//ENGINE -Xms1g -Xmx1g -XX:+AlwaysPreTouch
import dev.perfshell.timing.runtime.TimeitResult;
String[] parts;
{ parts = Perf.strings(200, 8, 42); }
String concat(String[] p) { String s = ""; for (String x : p) s += x; return s; }
String builder(String[] p) { StringBuilder sb = new StringBuilder(); for (String x : p) sb.append(x); return sb.toString(); }
concat(parts).equals(builder(parts)) && builder(parts).length() == 1600
%timeit -o plus --budget 1 --label "s += part, 200 parts" concat(parts)
%timeit -o sb --budget 1 --label "StringBuilder.append, 200 parts" builder(parts)
System.out.println("Conclusion: " + parts.length + " parts: " + Perf.faster("StringBuilder", sb, "+= concatenation", plus));
