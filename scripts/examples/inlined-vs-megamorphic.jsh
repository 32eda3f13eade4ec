// Question: does moving a small method's body into the loop ("inlining by hand") pay in Java?
// Python pays for every call, so hand inlining helps there. HotSpot inlines small methods itself,
// so the call and the hand-inlined loop run the same code. What stops it is a call site that sees
// many receiver types: over three shape classes the interface call is not inlined (megamorphic)
// and becomes a table lookup per element.
// Run: scripts/perfshell run scripts/examples/inlined-vs-megamorphic.jsh
import dev.perfshell.timing.runtime.TimeitResult;
interface Shape { double area(); }
final class Sq implements Shape { final double s; Sq(double s) { this.s = s; } public double area() { return s * s; } }
final class Rect implements Shape { final double w, h; Rect(double w, double h) { this.w = w; this.h = h; } public double area() { return w * h; } }
final class Tri implements Shape { final double b, h; Tri(double b, double h) { this.b = b; this.h = h; } public double area() { return 0.5 * b * h; } }
int n = 10_000;
double[] sides = Perf.doubles(n, 42);
Shape[] squares = new Shape[n];
Shape[] mixed = new Shape[n];
{ for (int i = 0; i < n; i++) { double s = sides[i]; squares[i] = new Sq(s); mixed[i] = i % 3 == 0 ? new Sq(s) : i % 3 == 1 ? new Rect(s, 2) : new Tri(s, 2); } }
double areaSum(Shape[] shapes) { double t = 0; for (Shape sh : shapes) t += sh.area(); return t; }
double handInlined(double[] s) { double t = 0; for (double v : s) t += v * v; return t; }
List.of(areaSum(squares) == handInlined(sides), areaSum(mixed) > 0)
%timeit -o called --budget 1 --label "area() call, one type" areaSum(squares)
%timeit -o inlined --budget 1 --label "hand-inlined area" handInlined(sides)
%timeit -o mega --budget 1 --label "area() call, three types" areaSum(mixed)
System.out.println("Conclusion: sum of " + n + " areas: " + Perf.faster("the method call", called, "the hand-inlined loop", inlined) + "; three receiver types: " + Perf.faster("one type", called, "three types", mega));
