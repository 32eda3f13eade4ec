// The "before" half of a regression pair for `perfshell compare` (see docs/compare.md).
// new.jsh is this script with one change: checksum() walks the array twice. Compare them with
//   scripts/perfshell run base.jsh --forks 3 --json base.json
//   scripts/perfshell run new.jsh --forks 3 --json new.json
//   scripts/perfshell compare base.json new.json      # flags "checksum", exit 1 (one engine a side: "inconclusive", exit 0)
int[] data = Perf.ints(10_000, 7);
long checksum(int[] a) {
    long sum = 0;
    for (int v : a) sum = 31 * sum + v;
    return sum;
}
int[] sortedCopy() { int[] c = data.clone(); Arrays.sort(c); return c; }
Map<Integer, Integer> counts = new HashMap<>(); for (int v : data) counts.merge(v & 1023, 1, Integer::sum);
%timeit --budget 1 --label checksum checksum(data)
%timeit --budget 1 --label sort sortedCopy()
%timeit --budget 1 --label lookup counts.get(data[17] & 1023)
%timeit --budget 1 --label format String.format("%d-%d", data[1], data[2])
%timeit --budget 1 --label max Arrays.stream(data).max().getAsInt()
