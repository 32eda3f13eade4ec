// Question: how much does .parallel() speed up summing 1,000,000 longs?
// The parallel stream splits the array over the common ForkJoinPool (parallelism = processors - 1,
// plus the calling thread). NOTE: the machine these numbers were measured on has 2 shared, noisy
// cores, so 2x is the ceiling here; the conclusion prints the processors this JVM sees.
// Run: scripts/perfshell run scripts/examples/sequential-vs-parallel.jsh
long[] data;
{ data = Perf.longs(1_000_000, 42); }
Arrays.stream(data).sum() == Arrays.stream(data).parallel().sum()
%timeit -o sequential --budget 1 --label "sequential LongStream.sum, 1M longs" Arrays.stream(data).sum()
%timeit -o parallel --budget 1 --label "parallel LongStream.sum, 1M longs" Arrays.stream(data).parallel().sum()
System.out.println(String.format("Conclusion: 1M longs: parallel/sequential speed-up %.2fx (%s) with %d available processors (%s sequential vs %s parallel)", sequential.median() / parallel.median(), sequential.median() > parallel.median() ? "parallel is faster" : "parallel is not faster", Runtime.getRuntime().availableProcessors(), Perf.time(sequential.median()), Perf.time(parallel.median())));
