package dev.perfshell.repl.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.timing.RunStatistics;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plots are well-formed, self-contained SVG with every mark they promise, placed where the numbers say. */
class PlotsTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document doc, String name) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (name.equals(e.getAttribute("class"))) found.add(e);
        }
        return found;
    }

    @Test
    void aHistogramHasItsBarsMeanMedianAndInterval() throws Exception {
        double[] runs = {10, 10, 11, 11, 11, 12, 12, 13, 20, 10.5};
        RunStatistics stats = RunStatistics.of(runs);
        String svg = Plots.histogram("%timeit f() <&>", runs, stats).document("t");
        Document doc = parse(svg);
        List<Element> bars = withClass(doc, "bar");
        int counted = bars.stream()
                .mapToInt(bar -> (int) Math.round(Double.parseDouble(bar.getAttribute("height"))))
                .sum();
        assertThat(bars).isNotEmpty();
        assertThat(counted).isPositive();
        assertThat(withClass(doc, "mean")).hasSize(1);
        assertThat(withClass(doc, "median")).hasSize(1);
        // the outlier pulls the mean right of the median
        double meanX = Double.parseDouble(withClass(doc, "mean").get(0).getAttribute("x1"));
        double medianX = Double.parseDouble(withClass(doc, "median").get(0).getAttribute("x1"));
        assertThat(meanX).isGreaterThan(medianX);
        assertThat(svg)
                .contains("%timeit f() &lt;&amp;&gt;")
                .doesNotContain("href")
                .doesNotContain("<script");
    }

    @Test
    void aBoxPlotHasOneBoxPerSnippetAndADotPerRun() throws Exception {
        double[] fast = {1, 1.1, 1.2, 0.9, 1.0};
        double[] slow = {3, 3.3, 2.9, 3.1, 3.2, 3.0};
        Document doc = parse(Plots.boxes("cmp", List.of("fast()", "slow()"), List.of(fast, slow))
                .document("cmp"));
        assertThat(withClass(doc, "box")).hasSize(2);
        assertThat(withClass(doc, "whisker")).hasSize(2);
        assertThat(withClass(doc, "run")).hasSize(11);
        List<Element> medians = withClass(doc, "median");
        assertThat(Double.parseDouble(medians.get(1).getAttribute("x1")))
                .isGreaterThan(Double.parseDouble(medians.get(0).getAttribute("x1")));
    }

    @Test
    void snippetsAnOrderOfMagnitudeApartGetALogarithmicAxisThatKeepsTheFastBoxReadable() throws Exception {
        double[] fast = {5.0, 5.2, 5.4, 5.1, 5.3};
        double[] slow = {5000, 5100, 5200, 5050, 5150};
        Document doc = parse(Plots.boxes("cmp", List.of("fast()", "slow()"), List.of(fast, slow))
                .document("cmp"));
        double fastWidth = Double.parseDouble(withClass(doc, "box").get(0).getAttribute("width"));
        // The quartiles 5.1..5.3 ns: 0.02 pixels on a linear 0..5.5 µs axis, about 3 on the logarithmic one.
        assertThat(fastWidth).isGreaterThan(2);
        assertThat(doc.getDocumentElement().getTextContent()).contains("(log scale)");

        Document near = parse(Plots.boxes("cmp", List.of("a()", "b()"), List.of(fast, new double[] {8, 9, 10}))
                .document("cmp"));
        assertThat(near.getDocumentElement().getTextContent()).doesNotContain("log scale");
    }

    @Test
    void filesAreSvgOrAnHtmlPageHoldingIt(@TempDir Path dir) throws Exception {
        Svg svg = Plots.boxes("cmp", List.of("a"), List.of(new double[] {1, 2, 3}));
        Path page = PlotFiles.write(dir.resolve("p.html").toString(), svg, "cmp");
        Path drawing = PlotFiles.write(dir.resolve("p.svg").toString(), svg, "cmp");
        assertThat(Files.readString(page))
                .startsWith("<!DOCTYPE html>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        parse(Files.readString(drawing));
        assertThat(PlotFiles.problem("x.png")).isEqualTo("--plot takes FILE.svg or FILE.html, got 'x.png'");
        assertThat(PlotFiles.problem("x.SVG")).isNull();
    }

    @Test
    void aSweepHasAPointPerValueAndTheFittedCurve() throws Exception {
        double[] n = {1_000, 10_000, 100_000, 1_000_000};
        double[] y = {1_000, 10_500, 98_000, 1_010_000};
        dev.perfshell.timing.ComplexityFit fit = dev.perfshell.timing.ComplexityFit.of(n, y);
        Document doc = parse(Plots.sweep("%timeit --param n=...", "n", n, y, "ns/op", fit, "≈ O(n)")
                .document("sweep"));
        List<Element> points = withClass(doc, "point");
        assertThat(points).hasSize(4);
        assertThat(withClass(doc, "fit")).hasSize(1);
        // log-log: equal ratios of n are equal steps to the right
        double x0 = Double.parseDouble(points.get(0).getAttribute("cx"));
        double x1 = Double.parseDouble(points.get(1).getAttribute("cx"));
        double x2 = Double.parseDouble(points.get(2).getAttribute("cx"));
        assertThat(x2 - x1).isCloseTo(x1 - x0, org.assertj.core.api.Assertions.within(0.1));
        assertThat(withClass(doc, "caption").get(0).getTextContent()).isEqualTo("≈ O(n)");
    }

    @Test
    void quantilesInterpolate() {
        assertThat(Plots.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Plots.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        assertThat(Plots.quantile(new double[] {7}, 0.75)).isEqualTo(7);
    }
}
